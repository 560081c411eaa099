"""Common French first names and surnames, with their accents.

Students and interns were born around 1995–2002, so their first names are those given
in France then; supervisors and coordinators are a generation older.
"""

from __future__ import annotations

STUDENT_FIRST_NAMES_F: tuple[str, ...] = (
    "Manon", "Emma", "Léa", "Camille", "Chloé", "Océane", "Marie", "Sarah", "Inès", "Clara",
    "Julie", "Laura", "Pauline", "Mathilde", "Lucie", "Anaïs", "Juliette", "Marine", "Justine",
    "Charlotte", "Élise", "Eva", "Margaux", "Zoé", "Lisa", "Jade", "Louise", "Romane", "Alice",
    "Maëlys", "Morgane", "Claire", "Émilie", "Amandine", "Noémie", "Agathe", "Salomé", "Maëva",
    "Clémence", "Héloïse", "Solène", "Mélanie", "Ophélie", "Elsa", "Fanny", "Margot", "Cécile",
    "Hélène", "Constance", "Capucine", "Bérénice", "Yasmine", "Sofia", "Nour", "Amel", "Leïla",
    "Anna", "Victoire", "Apolline", "Lola", "Axelle", "Audrey", "Estelle", "Gaëlle", "Alix",
    "Mathilda", "Éléonore", "Coline", "Lou", "Aude", "Blandine", "Diane", "Églantine", "Flore",
    "Garance", "Iris", "Jeanne", "Léna", "Maud", "Nina", "Perrine", "Roxane", "Sixtine",
    "Tiphaine", "Valentine", "Yaëlle", "Kenza", "Sirine", "Myriam", "Thi Thu", "Aïcha",
)

STUDENT_FIRST_NAMES_M: tuple[str, ...] = (
    "Thomas", "Lucas", "Hugo", "Théo", "Maxime", "Alexandre", "Antoine", "Nicolas", "Quentin",
    "Clément", "Romain", "Paul", "Louis", "Arthur", "Mathis", "Baptiste", "Enzo", "Julien",
    "Valentin", "Pierre", "Adrien", "Florian", "Benjamin", "Victor", "Guillaume", "Corentin",
    "Tom", "Raphaël", "Jules", "Martin", "Nathan", "Léo", "Kévin", "Axel", "Dylan", "Bastien",
    "Jérémy", "Matthieu", "Simon", "Gabriel", "Aurélien", "Étienne", "Rémi", "Loïc", "Yanis",
    "Mehdi", "Karim", "Ilyès", "Rayan", "Samuel", "Timothée", "Grégoire", "Côme", "Aymeric",
    "Benoît", "Cyprien", "Félix", "Noé", "Élias", "Gaspard", "Hippolyte", "Jean", "Marius",
    "Octave", "Pierre-Louis", "Charles", "François", "Augustin", "Emmanuel", "Mathéo", "Anthony",
    "Jonathan", "Sébastien", "Yann", "Erwan", "Gwendal", "Killian", "Malo", "Ewen", "Sacha",
    "Tristan", "Youssef", "Amine", "Sofiane", "Anis", "Minh", "Mamadou", "Ibrahim",
)

SENIOR_FIRST_NAMES_F: tuple[str, ...] = (
    "Isabelle", "Nathalie", "Sandrine", "Valérie", "Catherine", "Sophie", "Céline", "Véronique",
    "Delphine", "Virginie", "Karine", "Anne-Sophie", "Marie-Hélène", "Christine", "Stéphanie",
    "Florence", "Caroline", "Laurence", "Agnès", "Hélène", "Anne", "Béatrice", "Sylvie",
    "Corinne", "Emmanuelle", "Aurélie", "Claire", "Marion", "Élodie", "Cécile", "Muriel",
    "Pascale", "Martine", "Brigitte", "Dominique", "Géraldine", "Nadia", "Samia", "Laetitia",
)

SENIOR_FIRST_NAMES_M: tuple[str, ...] = (
    "Philippe", "Christophe", "Stéphane", "Laurent", "Frédéric", "Sébastien", "Olivier",
    "Jean-Marc", "Pierre-Yves", "Emmanuel", "Vincent", "François", "Bruno", "Thierry", "Pascal",
    "Patrick", "Hervé", "Éric", "Didier", "Jean-Luc", "Jean-François", "Xavier", "Denis",
    "Franck", "Gilles", "Marc", "Nicolas", "Arnaud", "Cédric", "Jérôme", "Damien", "Guillaume",
    "Benoît", "Alain", "Michel", "Yves", "Gérard", "Karim", "Rachid", "Jean-Philippe",
)

LAST_NAMES: tuple[str, ...] = (
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
    "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
    "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
    "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
    "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément",
    "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval",
    "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun",
    "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
    "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal",
    "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix",
    "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland",
    "Leclercq", "Guillaume", "Lecomte", "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger",
    "Carpentier", "Sanchez", "Dupuis", "Moulin", "Louis", "Deschamps", "Huet", "Vasseur",
    "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Adam", "Paris", "Poirier",
    "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier", "Ménard",
    "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall",
    "Collet", "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Daniel", "Le Roux",
    "Cousin", "Germain", "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier",
    "Lévêque", "Perrier", "Leblanc", "Barré", "Lebrun", "Marchal", "Weber", "Mallet", "Hamon",
    "Boulanger", "Jacob", "Monnier", "Michaud", "Rodriguez", "Guichard", "Gillet", "Étienne",
    "Grondin", "Poulain", "Tessier", "Chevallier", "Collin", "Chauvin", "Da Silva", "Bouchet",
    "Gay", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau",
    "Perret", "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay",
    "Pasquier", "Carlier", "Laporte", "Haddad", "Benali", "Nguyen", "Diallo", "Traoré",
    "Mansouri", "Kaci", "Fofana", "Ferreira", "Rodrigues", "Dos Santos", "Pereira", "Le Bihan",
    "Le Guen", "Kerbrat", "Tran", "Pham", "Cissé", "Camara", "Cohen", "Lévy", "Bensaïd",
    "Brahimi", "Ouattara", "Hamel", "Delmas", "Courtois", "Texier", "Lagarde",
    "Vallée", "Château", "Desmoulins", "Fabien", "Géraud", "Hébert", "Jourdan", "Lebon",
    "Maury", "Navarro", "Ollivier", "Pagès", "Quéré", "Raynaud", "Salaün", "Thébault", "Urvoy",
    "Védrine", "Wagner", "Zimmermann", "Abadie", "Bouvet", "Cazenave", "Daguerre", "Etcheverry",
)
