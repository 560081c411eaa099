<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
    <context>
        <name>Account</name>
        <message>
            <location filename="../../desktop/sync/account.py" line="57" />
            <source>au moins 8 caractères</source>
            <translation>at least 8 characters</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="58" />
            <source>une lettre majuscule</source>
            <translation>an upper-case letter</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="59" />
            <source>une lettre minuscule</source>
            <translation>a lower-case letter</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="60" />
            <source>un chiffre</source>
            <translation>a digit</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="69" />
            <source>Mot de passe trop faible : il faut %1.</source>
            <translation>Password too weak: it needs %1.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="74" />
            <source>La réponse secrète doit contenir au moins 3 lettres ou chiffres.</source>
            <translation>The secret answer must contain at least 3 letters or digits.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="184" />
            <location filename="../../desktop/sync/account.py" line="334" />
            <location filename="../../desktop/sync/account.py" line="365" />
            <location filename="../../desktop/sync/account.py" line="383" />
            <source>Saisissez votre adresse électronique.</source>
            <translation>Enter your email address.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="186" />
            <source>Saisissez votre mot de passe.</source>
            <translation>Enter your password.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="197" />
            <source>Collez le code reçu par courriel.</source>
            <translation>Paste the code you received by email.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="264" />
            <source>Veuillez vous connecter.</source>
            <translation>Please sign in.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="265" />
            <source>L'adresse électronique est obligatoire.</source>
            <translation>The email address is required.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="282" />
            <source>Saisissez votre question secrète.</source>
            <translation>Enter your secret question.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="287" />
            <location filename="../../desktop/sync/account.py" line="295" />
            <source>Saisissez votre mot de passe actuel.</source>
            <translation>Enter your current password.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="301" />
            <location filename="../../desktop/sync/account.py" line="343" />
            <location filename="../../desktop/sync/account.py" line="396" />
            <source>Les deux mots de passe sont différents.</source>
            <translation>The two passwords are different.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="313" />
            <source>Saisissez votre nom de naissance.</source>
            <translation>Enter your surname at birth.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="314" />
            <source>Saisissez votre prénom.</source>
            <translation>Enter your first name.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="316" />
            <source>Saisissez votre commune de naissance ou votre numéro INE.</source>
            <translation>Enter your town of birth or your INE number.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="336" />
            <source>Les deux adresses sont différentes : recopiez la même adresse.</source>
            <translation>The two addresses differ: type the same address again.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="346" />
            <source>Choisissez une question secrète.</source>
            <translation>Choose a secret question.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="351" />
            <source>Lisez et acceptez les conditions d'utilisation pour créer votre compte.</source>
            <translation>Read and accept the terms of use to create your account.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="371" />
            <source>Collez le lien reçu par courriel.</source>
            <translation>Paste the link you received by email.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="376" />
            <source>Saisissez d'abord votre adresse électronique.</source>
            <translation>Enter your email address first.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/account.py" line="390" />
            <source>Collez le lien ou le code reçu par courriel.</source>
            <translation>Paste the link or the code you received by email.</translation>
        </message>
    </context>
    <context>
        <name>ActivityModel</name>
        <message>
            <location filename="../../desktop/models/activity.py" line="77" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../desktop/models/activity.py" line="78" />
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../desktop/models/activity.py" line="79" />
            <source>Détail</source>
            <translation>Detail</translation>
        </message>
        <message>
            <location filename="../../desktop/models/activity.py" line="80" />
            <source>Adresse IP</source>
            <translation>IP address</translation>
        </message>
    </context>
    <context>
        <name>ActivityView</name>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="452" />
            <source>Mon activité passée</source>
            <translation>My past activity</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="452" />
            <source>Toutes les actions sur votre compte (connexions, changements), les plus récentes en premier.</source>
            <translation>Every action on your account (sign-ins, changes), most recent first.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="479" />
            <source>Afficher les actions plus anciennes</source>
            <translation>Show older actions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="480" />
            <location filename="../../desktop/ui/profile_view.py" line="485" />
            <source>Chargement…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="485" />
            <source>Actualiser</source>
            <translation>Refresh</translation>
        </message>
    </context>
    <context>
        <name>AmphiApp</name>
        <message>
            <location filename="../../desktop/app.py" line="345" />
            <source>Démonstration d'Amphi</source>
            <translation>Amphi demo</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="346" />
            <source>Démarrage du serveur de démonstration…</source>
            <translation>Starting the demo server…</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="364" />
            <source>Le serveur de démonstration est prêt sur cet ordinateur. Choisissez un compte de démonstration ci-dessous (un par rôle).</source>
            <translation>The demo server is ready on this computer. Choose a demo account below (one per role).</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="371" />
            <source>Compte de démonstration inconnu : %1. Choisissez-en un dans la liste.</source>
            <translation>Unknown demo account: %1. Choose one from the list.</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="489" />
            <source>Mon profil</source>
            <translation>My profile</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="490" />
            <source>Mon activité</source>
            <translation>My activity</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="621" />
            <location filename="../../desktop/app.py" line="623" />
            <source>Reconnexion au serveur…</source>
            <translation>Reconnecting to the server…</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="632" />
            <source>Message de l'agence : %1</source>
            <translation>Message from the agency: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="667" />
            <source>Amphi est déjà ouvert : sa fenêtre passe au premier plan.</source>
            <translation>Amphi is already open: its window is brought to the front.</translation>
        </message>
    </context>
    <context>
        <name>AmphiArea</name>
        <message>
            <location filename="../../desktop/areas/amphi.py" line="53" />
            <source>Amphithéâtre</source>
            <translation>Amphitheatre</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/amphi.py" line="55" />
            <source>Amphithéâtres — gestion</source>
            <translation>Manage amphitheatres</translation>
        </message>
    </context>
    <context>
        <name>AmphiAssignments</name>
        <message>
            <location filename="../../desktop/models/amphi_assignments.py" line="47" />
            <location filename="../../desktop/models/amphi_assignments.py" line="173" />
            <source>Choisi le</source>
            <translation>Chosen on</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_assignments.py" line="48" />
            <location filename="../../desktop/models/amphi_assignments.py" line="173" />
            <source>Interne</source>
            <translation>Intern</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_assignments.py" line="49" />
            <location filename="../../desktop/models/amphi_assignments.py" line="173" />
            <source>DES de l'interne</source>
            <translation>Intern's DES</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_assignments.py" line="50" />
            <location filename="../../desktop/models/amphi_assignments.py" line="173" />
            <source>Régime</source>
            <translation>Regime</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_assignments.py" line="51" />
            <location filename="../../desktop/models/amphi_assignments.py" line="173" />
            <source>Poste</source>
            <translation>Post</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_assignments.py" line="52" />
            <location filename="../../desktop/models/amphi_assignments.py" line="173" />
            <source>Établissement</source>
            <translation>Hospital</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_assignments.py" line="53" />
            <location filename="../../desktop/models/amphi_assignments.py" line="173" />
            <source>Service</source>
            <translation>Department</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_assignments.py" line="54" />
            <location filename="../../desktop/models/amphi_assignments.py" line="173" />
            <source>Chef de service</source>
            <translation>Head of department</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_assignments.py" line="55" />
            <location filename="../../desktop/models/amphi_assignments.py" line="173" />
            <source>DES du poste</source>
            <translation>Post's DES</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_assignments.py" line="56" />
            <location filename="../../desktop/models/amphi_assignments.py" line="173" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_assignments.py" line="57" />
            <location filename="../../desktop/models/amphi_assignments.py" line="173" />
            <source>Groupe</source>
            <translation>Group</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_assignments.py" line="58" />
            <location filename="../../desktop/models/amphi_assignments.py" line="173" />
            <source>Type de choix</source>
            <translation>Choice type</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_assignments.py" line="101" />
            <source> (procuration)</source>
            <translation> (proxy)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_assignments.py" line="103" />
            <source> (par l'agence)</source>
            <translation> (by the agency)</translation>
        </message>
    </context>
    <context>
        <name>AmphiAssignmentsView</name>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="78" />
            <source>Tous les choix du semestre, dès qu'ils sont faits (le plus récent en haut). Cliquez sur un titre de colonne pour trier.</source>
            <translation>Every choice of the semester as soon as it is made (most recent at the top). Click a column title to sort.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="88" />
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="182" />
            <source>Tous</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="91" />
            <source>Régime</source>
            <translation>Regime</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="91" />
            <source>DES du poste</source>
            <translation>Post's DES</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="91" />
            <source>DES de l'interne</source>
            <translation>Intern's DES</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="91" />
            <source>Type de poste</source>
            <translation>Post type</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="97" />
            <source>contient…</source>
            <translation>contains…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="101" />
            <source>Interne</source>
            <translation>Intern</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="101" />
            <source>Chef de service</source>
            <translation>Head of department</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="101" />
            <source>Établissement</source>
            <translation>Hospital</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="101" />
            <source>Groupe</source>
            <translation>Group</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="109" />
            <source>Effacer les filtres</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="224" />
            <source>Aucune affectation pour l'instant : les choix apparaîtront ici dès qu'ils seront faits.</source>
            <translation>No assignments yet: choices will appear here as soon as they are made.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="227" />
            <source>%1 affectation(s)</source>
            <translation>%1 assignment(s)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/assignments_view.py" line="229" />
            <source>%1 affectation(s) sur %2 avec ces filtres</source>
            <translation>%1 of %2 assignment(s) with these filters</translation>
        </message>
    </context>
    <context>
        <name>AmphiFavourites</name>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="46" />
            <location filename="../../desktop/models/amphi_favourites.py" line="152" />
            <source>N°</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="47" />
            <location filename="../../desktop/models/amphi_favourites.py" line="152" />
            <source>Service ou poste</source>
            <translation>Department or post</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="48" />
            <location filename="../../desktop/models/amphi_favourites.py" line="152" />
            <source>Chef de service</source>
            <translation>Head of department</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="49" />
            <location filename="../../desktop/models/amphi_favourites.py" line="152" />
            <source>Disponibilité</source>
            <translation>Availability</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="50" />
            <location filename="../../desktop/models/amphi_favourites.py" line="152" />
            <source>À mon tour (estimation)</source>
            <translation>At my turn (estimate)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="52" />
            <location filename="../../desktop/models/amphi_favourites.py" line="181" />
            <source>Estimation : si chaque interne appelé avant vous prenait le premier poste encore libre de ses favoris, il resterait %1 place(s) pour vous ici (sur %2 libre(s) maintenant). Ce n'est pas une garantie : les autres peuvent changer d'avis.</source>
            <translation>Estimate: if every intern called before you took the first post still free among their favourites, %1 place(s) would be left for you here (out of %2 free now). This is not a guarantee: others may change their minds.</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="67" />
            <source>%1 disponible</source>
            <translation>%1 available</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="67" />
            <source>%1 disponibles</source>
            <translation>%1 available</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="68" />
            <source>%1 favori</source>
            <translation>%1 favourite</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="68" />
            <source>%1 favoris</source>
            <translation>%1 favourites</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="77" />
            <source>, poste %1</source>
            <translation>, post %1</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="77" />
            <source>, un poste</source>
            <translation>, one post</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="78" />
            <source> (tout le service)</source>
            <translation> (whole department)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="105" />
            <source>…</source>
            <translation>…</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="107" />
            <source>pris</source>
            <translation>taken</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="109" />
            <source>réservé à un autre DES</source>
            <translation>reserved for another DES</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="110" />
            <source>probablement libre</source>
            <translation>probably free</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="110" />
            <source>probablement pris</source>
            <translation>probably taken</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="172" />
            <source>Disponible</source>
            <translation>Available</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="172" />
            <source>Pourvu</source>
            <translation>Filled</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_favourites.py" line="180" />
            <source>Estimation en cours de calcul.</source>
            <translation>Estimate being calculated.</translation>
        </message>
    </context>
    <context>
        <name>AmphiFavouritesView</name>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="110" />
            <source>Classez vos favoris dans l'ordre où vous les choisiriez : glissez-déposez une ligne, ou Ctrl+↑ / Ctrl+↓, ou tapez son nouveau numéro. Pendant la séance, les postes pris restent affichés, en rouge.</source>
            <translation>Rank your favourites in the order you would choose them: drag and drop a row, or Ctrl+↑ / Ctrl+↓, or type its new number. During the session, posts that are taken stay on screen, in red.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="130" />
            <source>Vous n'avez encore aucun favori</source>
            <translation>You have no favourites yet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="132" />
            <source>Pour en ajouter : ouvrez l'onglet « Postes », sélectionnez un service (tous ses postes) ou un poste précis, puis cliquez sur « Ajouter aux favoris » — ou double-cliquez sur la ligne. Classez-les ensuite ici dans l'ordre où vous les choisiriez.

Pendant la séance, vos favoris sont en tête de la liste des postes : ils vous font gagner du temps, mais ne choisissent jamais à votre place.</source>
            <translation>To add one: open the “Posts” tab, select a department (all its posts) or a single post, then click “Add to favourites” — or double-click the line. Then rank them here in the order you would choose them.

During the session, your favourites are at the top of the list of posts: they save you time, but they never choose for you.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="140" />
            <source>Aller aux postes</source>
            <translation>Go to the posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="155" />
            <source>Déplacer en position</source>
            <translation>Move to position</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="160" />
            <source>Déplacer</source>
            <translation>Move</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="163" />
            <source>Voir tous les postes de ce service</source>
            <translation>See all posts of this department</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="165" />
            <source>Tous les postes du service du favori sélectionné, pris ou non, dans l'onglet « Postes »</source>
            <translation>Every post of the selected favourite's department, taken or not, in the “Posts” tab</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="169" />
            <source>Retirer des favoris</source>
            <translation>Remove from favourites</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="209" />
            <source>hors ligne : l'estimation sera mise à jour au retour de la connexion</source>
            <translation>offline: the estimate will be updated when the connection is back</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="224" />
            <source>chaque interne appelé avant vous</source>
            <translation>every intern called before you</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="226" />
            <source>personne n'est plus appelé avant vous : c'est la disponibilité actuelle ; sinon, chaque interne appelé avant vous</source>
            <translation>nobody else is called before you: this is the current availability; otherwise, every intern called before you</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="229" />
            <source>chacun des %1 internes encore appelés avant vous</source>
            <translation>each of the %1 interns still called before you</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="231" />
            <source>« À mon tour (estimation) » : ce qui resterait libre si %1 prenait le premier poste encore libre de ses propres favoris (absents prévus exclus). Une estimation, pas une garantie ; elle se met à jour à chaque choix.</source>
            <translation>“At my turn (estimate)”: what would remain free if %1 took the first post still free among their own favourites (planned absences excluded). An estimate, not a guarantee; it is updated after every choice.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="236" />
            <source>(Estimation non mise à jour : %1.)</source>
            <translation>(Estimate not updated: %1.)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="266" />
            <source>Aucun favori pour l'instant.</source>
            <translation>No favourites yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="268" />
            <source>%1 favoris — modifications hors ligne, envoyées au retour de la connexion</source>
            <translation>%1 favourites — changes made offline, sent when the connection is back</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="271" />
            <source>%1 favoris — enregistrés sur le serveur</source>
            <translation>%1 favourites — saved on the server</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="292" />
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="302" />
            <source>Sélectionnez d'abord un favori.</source>
            <translation>Select a favourite first.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="314" />
            <source>Un seul poste</source>
            <translation>A single post</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/favourites_view.py" line="315" />
            <source>Vous avez ajouté un poste précis, pas tout son service. Si ce poste est pris avant votre tour, les autres postes du même service ne seront pas proposés à sa place : pensez à ajouter le service entier si vous l'acceptez quel que soit le poste.</source>
            <translation>You added one specific post, not its whole department. If this post is taken before your turn, the other posts of the same department will not be offered in its place: add the whole department if you would accept any of its posts.</translation>
        </message>
    </context>
    <context>
        <name>AmphiInternPage</name>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="135" />
            <source>Aucun message de l'agence.</source>
            <translation>No messages from the agency.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="143" />
            <source>Messages de l'agence (%1)</source>
            <translation>Messages from the agency (%1)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="144" />
            <source>Messages de l'agence</source>
            <translation>Messages from the agency</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="172" />
            <source>Amphithéâtres du semestre</source>
            <translation>This semester's amphitheatres</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="176" />
            <location filename="../../desktop/ui/amphi/intern_page.py" line="337" />
            <location filename="../../desktop/ui/amphi/intern_page.py" line="403" />
            <location filename="../../desktop/ui/amphi/intern_page.py" line="418" />
            <source>Amphithéâtre</source>
            <translation>Amphitheatre</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="176" />
            <source>État</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="177" />
            <source>Internes</source>
            <translation>Interns</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="177" />
            <source>Postes libres</source>
            <translation>Free posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="185" />
            <source>Séances</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="188" />
            <source>Séance</source>
            <translation>Session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="188" />
            <source>Horaires</source>
            <translation>Times</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="189" />
            <source>Rangs d'appel</source>
            <translation>Call ranks</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="195" />
            <source>Liste d'appel</source>
            <translation>Call list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="213" />
            <source>Publique dès la validation par l'agence, toujours à jour.</source>
            <translation>Public once the agency validates it, always up to date.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="215" />
            <source>La liste d'appel est publique dès que l'agence a validé l'amphithéâtre ; elle suit les données actuelles.</source>
            <translation>The call list is public as soon as the agency has validated the amphitheatre; it follows the current data.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="218" />
            <source>Télécharger la liste d'appel (CSV)</source>
            <translation>Download the call list (CSV)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="222" />
            <source>Télécharger la liste d'appel (PDF)</source>
            <translation>Download the call list (PDF)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="237" />
            <source>La liste d'appel est publiée quand l'agence a validé l'amphithéâtre.</source>
            <translation>The call list is published once the agency has validated the amphitheatre.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="256" />
            <source>Enregistrer la liste d'appel</source>
            <translation>Save the call list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="263" />
            <source>Liste d'appel enregistrée : %1</source>
            <translation>Call list saved: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="278" />
            <source> (le vôtre)</source>
            <translation> (yours)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="281" />
            <source>, ouverture le %1</source>
            <translation>, opens on %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="292" />
            <source>Séance %1</source>
            <translation>Session %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="296" />
            <source>%1 à %2</source>
            <translation>%1 to %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="304" />
            <source>Rang d'appel : %1</source>
            <translation>Call rank: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="306" />
            <source>séance %1, le %2</source>
            <translation>session %1, on %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="308" />
            <source>type de choix : %1</source>
            <translation>choice type: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="311" />
            <source>absence prévue</source>
            <translation>planned absence</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="313" />
            <source>présence : connecté</source>
            <translation>presence: connected</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="314" />
            <source>présence : non connecté</source>
            <translation>presence: not connected</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="369" />
            <source>Postes</source>
            <translation>Posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="370" />
            <source>Mes favoris</source>
            <translation>My favourites</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="371" />
            <source>Liste d'appel et séances</source>
            <translation>Call list and sessions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="372" />
            <source>Séance en direct</source>
            <translation>Live session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="374" />
            <source>Affectations</source>
            <translation>Assignments</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="375" />
            <source>Mon internat</source>
            <translation>My internship</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="419" />
            <source>Vous n'êtes inscrit dans aucun amphithéâtre pour l'instant.</source>
            <translation>You are not registered in any amphitheatre yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="434" />
            <source>L'amphithéâtre n'est pas encore validé par l'agence : postes et liste d'appel à venir.</source>
            <translation>The amphitheatre has not been validated by the agency yet: posts and call list to come.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="458" />
            <source>Les favoris se préparent quand l'amphithéâtre est ouvert.</source>
            <translation>Favourites are prepared once the amphitheatre is open.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="500" />
            <source>ouverture le %1</source>
            <translation>opens on %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="501" />
            <source>%1 postes, %2 libres</source>
            <translation>%1 posts, %2 free</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="504" />
            <source>vous agissez par procuration pour %1 %2</source>
            <translation>you are acting as proxy for %1 %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="552" />
            <source>Les favoris ne se modifient plus : la séance est terminée.</source>
            <translation>Favourites can no longer be changed: the session is over.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="610" />
            <source>Votre signalement a été transmis à l'agence.</source>
            <translation>Your report has been sent to the agency.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="613" />
            <source>Merci : vos informations sont confirmées.</source>
            <translation>Thank you: your details are confirmed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="619" />
            <source>Message de l'agence</source>
            <translation>Message from the agency</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/intern_page.py" line="647" />
            <source>Ajouté à vos favoris : %1</source>
            <translation>Added to your favourites: %1</translation>
        </message>
    </context>
    <context>
        <name>AmphiInternship</name>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="99" />
            <source>Mon poste</source>
            <translation>My post</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="105" />
            <source>Mes rangs</source>
            <translation>My ranks</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="111" />
            <source>Type de choix</source>
            <translation>Choice type</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="119" />
            <source>Demander ce type de choix</source>
            <translation>Request this choice type</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="122" />
            <source>Retirer ma demande</source>
            <translation>Withdraw my request</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="129" />
            <source>Procuration</source>
            <translation>Proxy</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="137" />
            <source>Adresse de la personne</source>
            <translation>The person's email address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="141" />
            <source>Téléphone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="143" />
            <source>Donner procuration</source>
            <translation>Give a proxy</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="147" />
            <source>Annuler la procuration</source>
            <translation>Cancel the proxy</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="154" />
            <source>Attestations de choix</source>
            <translation>Choice certificates</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="157" />
            <location filename="../../desktop/ui/amphi/internship_view.py" line="184" />
            <source>Semestre</source>
            <translation>Semester</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="157" />
            <source>Poste</source>
            <translation>Post</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="158" />
            <source>Choisi le</source>
            <translation>Chosen on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="174" />
            <source> (par procuration)</source>
            <translation> (by proxy)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="175" />
            <source> (par l'agence)</source>
            <translation> (by the agency)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="176" />
            <source>Poste %1 — %2, %3 (chef de service : %4), choisi le %5%6.</source>
            <translation>Post %1 — %2, %3 (head of department: %4), chosen on %5%6.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="196" />
            <source>Année de l'examen national qui vous a classé (promotion initiale).</source>
            <translation>Year of the national examination that ranked you (initial year group).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="196" />
            <source>Nombre de semestres d'internat validés ; il fixe votre promotion théorique.</source>
            <translation>Number of internship semesters validated; it sets your theoretical year group.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="196" />
            <source>Votre rang parmi les internes de votre promotion dans la subdivision.</source>
            <translation>Your rank among the interns of your year group in the subdivision.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="196" />
            <source>Nombre d'internes de votre promotion dans la subdivision.</source>
            <translation>Number of interns in your year group in the subdivision.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="196" />
            <source>La promotion avec laquelle vous choisissez, d'après votre ancienneté (un semestre non validé ou une disponibilité vous fait rejoindre une promotion plus récente).</source>
            <translation>The year group you choose with, according to your seniority (a semester not validated or a leave of absence moves you to a more recent year group).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="196" />
            <source>Nombre d'internes qui choisissent avec cette promotion théorique.</source>
            <translation>Number of interns choosing with this theoretical year group.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="196" />
            <source>Votre rang local ramené à l'effectif de la promotion théorique (tronqué à deux décimales) : il ordonne la liste d'appel.</source>
            <translation>Your local rank scaled to the size of the theoretical year group (truncated to two decimals): it orders the call list.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="196" />
            <source>Votre place dans la liste d'appel de l'amphithéâtre.</source>
            <translation>Your place in the amphitheatre's call list.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="197" />
            <source>Promotion</source>
            <translation>Year group</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="197" />
            <source>Ancienneté</source>
            <translation>Seniority</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="197" />
            <source>Rang local</source>
            <translation>Local rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="197" />
            <source>Effectif promotion local</source>
            <translation>Local year-group size</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="197" />
            <source>Promotion théorique</source>
            <translation>Theoretical year group</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="197" />
            <source>Effectif promotion théorique</source>
            <translation>Theoretical year-group size</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="197" />
            <source>Rang actualisé</source>
            <translation>Adjusted rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="197" />
            <source>Rang d'appel</source>
            <translation>Call rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="198" />
            <source>Type de choix actuel : %1</source>
            <translation>Current choice type: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="201" />
            <source>Demande en cours : %1 (en attente de la décision de l'agence)</source>
            <translation>Pending request: %1 (awaiting the agency's decision)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="205" />
            <source>Dernière demande : %1</source>
            <translation>Last request: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="206" />
            <source>acceptée</source>
            <translation>accepted</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="206" />
            <source>refusée</source>
            <translation>refused</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="221" />
            <source>Si vous ne pouvez pas être présent, désignez une personne : elle recevra un lien pour choisir son mot de passe, puis se connectera en mode « Procuration » et choisira à votre place. Vous ne pourrez plus choisir vous-même tant que la procuration est active.</source>
            <translation>If you cannot be present, name someone: they will receive a link to choose a password, then sign in in “Proxy” mode and choose on your behalf. You cannot choose yourself while the proxy is active.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="227" />
            <source>Procuration donnée à %1 (%2) le %3 : en attente de sa validation par le lien reçu.</source>
            <translation>Proxy given to %1 (%2) on %3: waiting for them to validate it with the link they received.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="233" />
            <source>Procuration active : %1 (%2) choisira pour vous. Vous ne pouvez plus choisir vous-même.</source>
            <translation>Proxy active: %1 (%2) will choose for you. You can no longer choose yourself.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="249" />
            <source>Imprimer…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="254" />
            <source>Télécharger le PDF</source>
            <translation>Download the PDF</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="260" />
            <source>Aucune attestation : elles apparaissent après chaque choix.</source>
            <translation>No certificates: they appear after each choice.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="287" />
            <source>Demande envoyée à l'agence.</source>
            <translation>Request sent to the agency.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="314" />
            <source>Procuration enregistrée : %1 a reçu un lien par courriel pour la valider.</source>
            <translation>Proxy saved: %1 has received a link by email to validate it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="329" />
            <source>Procuration annulée.</source>
            <translation>Proxy cancelled.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="343" />
            <source>Attestation d'affectation</source>
            <translation>Assignment certificate</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="353" />
            <source>Enregistrer l'attestation</source>
            <translation>Save the certificate</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/internship_view.py" line="365" />
            <source>Attestation enregistrée : %1</source>
            <translation>Certificate saved: %1</translation>
        </message>
    </context>
    <context>
        <name>AmphiLive</name>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="38" />
            <location filename="../../desktop/models/amphi_live.py" line="66" />
            <source>En attente</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="39" />
            <location filename="../../desktop/models/amphi_live.py" line="66" />
            <source>Choisit en ce moment</source>
            <translation>Choosing now</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="40" />
            <location filename="../../desktop/models/amphi_live.py" line="66" />
            <source>A choisi</source>
            <translation>Has chosen</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="41" />
            <location filename="../../desktop/models/amphi_live.py" line="66" />
            <source>Absent</source>
            <translation>Absent</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="42" />
            <location filename="../../desktop/models/amphi_live.py" line="66" />
            <source>Temps écoulé</source>
            <translation>Time up</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="43" />
            <location filename="../../desktop/models/amphi_live.py" line="66" />
            <source>Absence prévue</source>
            <translation>Planned absence</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="44" />
            <location filename="../../desktop/models/amphi_live.py" line="66" />
            <source>Non appelé</source>
            <translation>Not called</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="47" />
            <location filename="../../desktop/models/amphi_live.py" line="70" />
            <source>En préparation</source>
            <translation>In preparation</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="48" />
            <location filename="../../desktop/models/amphi_live.py" line="70" />
            <source>Validé — ouverture prévue</source>
            <translation>Validated — opening scheduled</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="49" />
            <location filename="../../desktop/models/amphi_live.py" line="70" />
            <source>Ouvert (favoris)</source>
            <translation>Open (favourites)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="50" />
            <location filename="../../desktop/models/amphi_live.py" line="70" />
            <source>Séance en cours</source>
            <translation>Session in progress</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="51" />
            <location filename="../../desktop/models/amphi_live.py" line="70" />
            <source>Séance en pause</source>
            <translation>Session paused</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="52" />
            <location filename="../../desktop/models/amphi_live.py" line="70" />
            <source>Terminé</source>
            <translation>Finished</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="55" />
            <location filename="../../desktop/models/amphi_live.py" line="74" />
            <source>Classique</source>
            <translation>Standard</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="56" />
            <location filename="../../desktop/models/amphi_live.py" line="74" />
            <source>Surnombre validant</source>
            <translation>Supernumerary (counting towards training)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="57" />
            <location filename="../../desktop/models/amphi_live.py" line="74" />
            <source>Surnombre non validant</source>
            <translation>Supernumerary (not counting towards training)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="107" />
            <location filename="../../desktop/models/amphi_live.py" line="146" />
            <source>Rang d'appel</source>
            <translation>Call rank</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="108" />
            <location filename="../../desktop/models/amphi_live.py" line="146" />
            <location filename="../../desktop/models/amphi_live.py" line="199" />
            <location filename="../../desktop/models/amphi_live.py" line="271" />
            <source>Interne</source>
            <translation>Intern</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="109" />
            <location filename="../../desktop/models/amphi_live.py" line="146" />
            <location filename="../../desktop/models/amphi_live.py" line="200" />
            <location filename="../../desktop/models/amphi_live.py" line="271" />
            <source>DES</source>
            <translation>DES</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="110" />
            <location filename="../../desktop/models/amphi_live.py" line="146" />
            <source>Promotion (théorique)</source>
            <translation>Year group (theoretical)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="111" />
            <location filename="../../desktop/models/amphi_live.py" line="146" />
            <source>Ancienneté</source>
            <translation>Seniority</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="112" />
            <location filename="../../desktop/models/amphi_live.py" line="146" />
            <source>Rang local / effectif</source>
            <translation>Local rank / size</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="113" />
            <location filename="../../desktop/models/amphi_live.py" line="146" />
            <source>Rang actualisé</source>
            <translation>Adjusted rank</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="114" />
            <location filename="../../desktop/models/amphi_live.py" line="146" />
            <location filename="../../desktop/models/amphi_live.py" line="201" />
            <location filename="../../desktop/models/amphi_live.py" line="271" />
            <source>Type de choix</source>
            <translation>Choice type</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="115" />
            <location filename="../../desktop/models/amphi_live.py" line="146" />
            <source>Séance</source>
            <translation>Session</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="164" />
            <source> (absence prévue)</source>
            <translation> (planned absence)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="171" />
            <source>%1 sem.</source>
            <translation>%1 sem.</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="181" />
            <source>n° %1 — %2</source>
            <translation>no. %1 — %2</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="198" />
            <location filename="../../desktop/models/amphi_live.py" line="271" />
            <source>Ordre</source>
            <translation>Order</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="202" />
            <location filename="../../desktop/models/amphi_live.py" line="271" />
            <source>Statut / poste</source>
            <translation>Status / post</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="203" />
            <location filename="../../desktop/models/amphi_live.py" line="271" />
            <source>Poste</source>
            <translation>Post</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="236" />
            <location filename="../../desktop/models/amphi_live.py" line="297" />
            <source>Non connecté</source>
            <translation>Not connected</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="287" />
            <source> (moi)</source>
            <translation> (me)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="303" />
            <source>Tour terminé</source>
            <translation>Turn over</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="308" />
            <source>%1 — n° %2 de l'ordre de passage · %3</source>
            <translation>%1 — no. %2 in the passing order · %3</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_live.py" line="312" />
            <source>A choisi le poste %1</source>
            <translation>Chose post %1</translation>
        </message>
    </context>
    <context>
        <name>AmphiLiveView</name>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="104" />
            <source>Poste</source>
            <translation>Post</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="104" />
            <source>Établissement</source>
            <translation>Hospital</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="105" />
            <source>Service</source>
            <translation>Department</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="105" />
            <source>Chef de service</source>
            <translation>Head of department</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="106" />
            <source>Département</source>
            <translation>Department</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="106" />
            <source>DES</source>
            <translation>DES</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="107" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="107" />
            <source>Régime</source>
            <translation>Regime</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="108" />
            <source>Fléchage</source>
            <translation>Earmarking</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="117" />
            <source>Votre temps est écoulé : aucun poste ne vous a été attribué.</source>
            <translation>Your time is up: no post has been assigned to you.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="119" />
            <source>Votre tour s'est terminé sans choix validé et la séance continue avec l'interne suivant. Appelez l'agence sans attendre : tant que la séance est en cours, elle peut vous replacer juste après l'interne qui choisit. Gardez cet écran ouvert.</source>
            <translation>Your turn ended without a confirmed choice and the session goes on with the next intern. Call the agency right away: while the session is running, it can place you right after the intern choosing. Keep this screen open.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="124" />
            <source>Votre tour s'est terminé sans choix validé et la séance est terminée. Contactez l'agence : vous choisirez avec elle parmi les postes restés libres.</source>
            <translation>Your turn ended without a confirmed choice and the session is over. Contact the agency: you will choose with it among the posts still free.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="128" />
            <source>Vous n'étiez pas connecté à votre tour : vous avez été compté absent.</source>
            <translation>You were not connected at your turn: you were counted absent.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="130" />
            <source>Gardez cet écran ouvert : tant que la séance est en cours, vous êtes replacé automatiquement juste après l'interne qui choisit. Si rien ne change dans la minute, appelez l'agence.</source>
            <translation>Keep this screen open: while the session is running, you are placed automatically right after the intern choosing. If nothing changes within a minute, call the agency.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="134" />
            <location filename="../../desktop/ui/amphi/live_view.py" line="143" />
            <source>La séance est terminée : contactez l'agence pour choisir parmi les postes restés libres.</source>
            <translation>The session is over: contact the agency to choose among the posts still free.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="138" />
            <source>Vous êtes noté en absence prévue : votre tour est passé.</source>
            <translation>You are marked as a planned absence: your turn has passed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="140" />
            <source>Si vous êtes là et voulez choisir, appelez l'agence : tant que la séance est en cours, elle peut vous replacer juste après l'interne qui choisit.</source>
            <translation>If you are here and want to choose, call the agency: while the session is running, it can place you right after the intern choosing.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="147" />
            <source>La séance s'est terminée avant votre tour.</source>
            <translation>The session ended before your turn.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="148" />
            <source>Aucun poste ne vous a été attribué. Contactez l'agence : elle vous dira quand et comment choisir parmi les postes restés libres.</source>
            <translation>No post has been assigned to you. Contact the agency: it will tell you when and how to choose among the posts still free.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="201" />
            <source>Votre poste</source>
            <translation>Your post</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="215" />
            <source>Choix enregistré le %1.</source>
            <translation>Choice saved on %1.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="217" />
            <source>Une confirmation a été envoyée à %1 ; l'attestation est dans « Mon internat ».</source>
            <translation>A confirmation has been sent to %1; the certificate is in “My internship”.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="293" />
            <location filename="../../desktop/ui/amphi/live_view.py" line="297" />
            <source>Temps restant pour ce tour</source>
            <translation>Time left for this turn</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="302" />
            <source>Légende : en bleu l'interne qui choisit, en vert vous, en rouge les postes pris.</source>
            <translation>Key: in blue the intern who is choosing, in green you, in red the posts taken.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="310" />
            <source>Ordre de passage</source>
            <translation>Order of turns</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="335" />
            <source>Postes</source>
            <translation>Posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="345" />
            <source>Rechercher : ville, établissement, service, chef, n° de poste…</source>
            <translation>Search: town, establishment, department, head, post number…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="348" />
            <source>Rechercher un poste</source>
            <translation>Search for a post</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="354" />
            <source>Tous</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="354" />
            <source>Non pourvus</source>
            <translation>Not filled</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="355" />
            <source>Pourvus</source>
            <translation>Filled</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="363" />
            <source>Mes favoris uniquement</source>
            <translation>My favourites only</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="367" />
            <source>Recherche avancée…</source>
            <translation>Advanced search…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="409" />
            <source>Choisir ce poste</source>
            <translation>Choose this post</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="414" />
            <source>Raccourci clavier : Ctrl+Entrée</source>
            <translation>Keyboard shortcut: Ctrl+Enter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="445" />
            <source>Aucun favori : ajoutez-en depuis l'onglet « Postes ».</source>
            <translation>No favourites: add some from the “Posts” tab.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="452" />
            <source>Choisir</source>
            <translation>Choose</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="453" />
            <source>Libre</source>
            <translation>Free</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="500" />
            <source>Recherche avancée — </source>
            <translation>Advanced search — </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="507" />
            <source>%1 affichés sur %2</source>
            <translation>%1 shown of %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="509" />
            <source>%1 postes libres</source>
            <translation>%1 free posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="531" />
            <source>Choisit en ce moment : #%3 %1 (rang d'appel %2)</source>
            <translation>Choosing now: #%3 %1 (call rank %2)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="536" />
            <source>Personne ne choisit en ce moment.</source>
            <translation>Nobody is choosing right now.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="567" />
            <source>Vous suivez la séance en spectateur.</source>
            <translation>You are following the session as a spectator.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="569" />
            <source>La séance est en pause.</source>
            <translation>The session is paused.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="574" />
            <source>Vous avez choisi votre poste.</source>
            <translation>You have chosen your post.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="576" />
            <source>C'EST VOTRE TOUR : choisissez un poste.</source>
            <translation>IT IS YOUR TURN: choose a post.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="578" />
            <source>Avant vous : %1 interne(s), dont %2 connecté(s).</source>
            <translation>Before you: %1 intern(s), %2 of them connected.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="581" />
            <source>(vous agissez par procuration)</source>
            <translation>(you are acting as proxy)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="588" />
            <source>Votre statut : %1</source>
            <translation>Your status: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="593" />
            <source>La séance est en pause : le temps est arrêté et reprendra où il en était.</source>
            <translation>The session is paused: the clock is stopped and will resume where it was.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="596" />
            <source>La séance est terminée.</source>
            <translation>The session is over.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="598" />
            <source>C'est votre tour : choisissez votre poste avant la fin du temps.</source>
            <translation>It is your turn: choose your post before the time runs out.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="601" />
            <source>Amphi — c'est votre tour</source>
            <translation>Amphi — it is your turn</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="602" />
            <source>Choisissez votre poste maintenant.</source>
            <translation>Choose your post now.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="606" />
            <source>C'est bientôt votre tour</source>
            <translation>Your turn is coming soon</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="608" />
            <source>Amphi</source>
            <translation>Amphi</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="608" />
            <source>C'est bientôt votre tour.</source>
            <translation>Your turn is coming soon.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="613" />
            <source>Vous avez donné une procuration : seule la personne désignée peut choisir pour vous.</source>
            <translation>You have given a proxy: only the person you named can choose for you.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="649" />
            <source>« Choisir » sur la ligne du poste, ou Ctrl+Entrée sur le poste sélectionné.</source>
            <translation>“Choose” on the post's line, or Ctrl+Enter on the selected post.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="676" />
            <source>Votre tour est terminé : le choix n'a pas été enregistré.</source>
            <translation>Your turn is over: the choice was not saved.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="696" />
            <source>Ce poste vient d'être pris : choisissez-en un autre.</source>
            <translation>This post has just been taken: choose another one.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="721" />
            <source>Amphithéâtre : %1</source>
            <translation>Amphitheatre: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="723" />
            <source>Rang d'appel : %1</source>
            <translation>Call rank: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="724" />
            <source>Chef de service : %1</source>
            <translation>Head of department: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="725" />
            <source>DES du poste : %1 · %2 · %3</source>
            <translation>Post's DES: %1 · %2 · %3</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="727" />
            <source>Type de choix : %1</source>
            <translation>Choice type: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="729" />
            <source>Vous allez choisir ce poste</source>
            <translation>You are about to choose this post</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/live_view.py" line="749" />
            <source>Choix enregistré : %1</source>
            <translation>Choice saved: %1</translation>
        </message>
    </context>
    <context>
        <name>AmphiPosts</name>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="48" />
            <location filename="../../desktop/models/amphi_posts.py" line="248" />
            <source>N° poste</source>
            <translation>Post no.</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="49" />
            <location filename="../../desktop/models/amphi_posts.py" line="248" />
            <location filename="../../desktop/models/amphi_posts.py" line="458" />
            <location filename="../../desktop/models/amphi_posts.py" line="600" />
            <source>Dépt</source>
            <translation>Dept</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="50" />
            <location filename="../../desktop/models/amphi_posts.py" line="64" />
            <location filename="../../desktop/models/amphi_posts.py" line="248" />
            <location filename="../../desktop/models/amphi_posts.py" line="457" />
            <location filename="../../desktop/models/amphi_posts.py" line="600" />
            <location filename="../../desktop/ui/amphi/live_view.py" line="498" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="118" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="428" />
            <source>Établissement</source>
            <translation>Hospital</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="51" />
            <location filename="../../desktop/models/amphi_posts.py" line="65" />
            <location filename="../../desktop/models/amphi_posts.py" line="248" />
            <location filename="../../desktop/ui/amphi/live_view.py" line="498" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="118" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="428" />
            <source>Service</source>
            <translation>Department</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="52" />
            <location filename="../../desktop/models/amphi_posts.py" line="66" />
            <location filename="../../desktop/models/amphi_posts.py" line="248" />
            <location filename="../../desktop/models/amphi_posts.py" line="459" />
            <location filename="../../desktop/models/amphi_posts.py" line="600" />
            <location filename="../../desktop/ui/amphi/live_view.py" line="498" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="118" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="428" />
            <source>Chef de service</source>
            <translation>Head of department</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="53" />
            <location filename="../../desktop/models/amphi_posts.py" line="67" />
            <location filename="../../desktop/models/amphi_posts.py" line="248" />
            <location filename="../../desktop/models/amphi_posts.py" line="460" />
            <location filename="../../desktop/models/amphi_posts.py" line="600" />
            <location filename="../../desktop/ui/amphi/live_view.py" line="498" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="118" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="428" />
            <source>DES</source>
            <translation>DES</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="54" />
            <location filename="../../desktop/models/amphi_posts.py" line="68" />
            <location filename="../../desktop/models/amphi_posts.py" line="248" />
            <location filename="../../desktop/ui/amphi/live_view.py" line="498" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="118" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="428" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="55" />
            <location filename="../../desktop/models/amphi_posts.py" line="69" />
            <location filename="../../desktop/models/amphi_posts.py" line="248" />
            <location filename="../../desktop/ui/amphi/live_view.py" line="498" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="118" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="428" />
            <source>Régime</source>
            <translation>Regime</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="56" />
            <location filename="../../desktop/models/amphi_posts.py" line="70" />
            <location filename="../../desktop/models/amphi_posts.py" line="248" />
            <location filename="../../desktop/ui/amphi/live_view.py" line="498" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="118" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="428" />
            <source>Fléchage</source>
            <translation>Earmarking</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="57" />
            <location filename="../../desktop/models/amphi_posts.py" line="248" />
            <source>État</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="58" />
            <location filename="../../desktop/models/amphi_posts.py" line="248" />
            <source>Choix</source>
            <translation>Choice</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="63" />
            <location filename="../../desktop/ui/amphi/live_view.py" line="498" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="118" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="428" />
            <source>Département</source>
            <translation>Department</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="103" />
            <source>(réservé)</source>
            <translation>(reserved)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="118" />
            <source>Pourvu</source>
            <translation>Filled</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="119" />
            <source>Libre</source>
            <translation>Free</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="273" />
            <source>Choisir</source>
            <translation>Choose</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="277" />
            <source>Choisir ce poste (confirmation demandée)</source>
            <translation>Choose this post (you will be asked to confirm)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="280" />
            <source>Libre — vous pouvez le choisir</source>
            <translation>Free — you can choose it</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="283" />
            <source>favori n° %1</source>
            <translation>favourite no. %1</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="456" />
            <location filename="../../desktop/models/amphi_posts.py" line="600" />
            <source>Service / poste</source>
            <translation>Department / post</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="461" />
            <location filename="../../desktop/models/amphi_posts.py" line="600" />
            <source>Postes</source>
            <translation>Posts</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="467" />
            <source>%1 poste</source>
            <translation>%1 post</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="467" />
            <source>%1 postes</source>
            <translation>%1 posts</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="468" />
            <source>%1 disponible</source>
            <translation>%1 available</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="468" />
            <source>%1 disponibles</source>
            <translation>%1 available</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="636" />
            <source>Fléchage : %1</source>
            <translation>Earmarking: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/models/amphi_posts.py" line="638" />
            <source>Poste %1</source>
            <translation>Post %1</translation>
        </message>
    </context>
    <context>
        <name>AmphiPostsView</name>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="108" />
            <source>Recherche avancée</source>
            <translation>Advanced search</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="111" />
            <source>Cochez une ou plusieurs valeurs par critère. Un critère sans case cochée ne filtre rien.</source>
            <translation>Tick one or more values per criterion. A criterion with no box ticked does not filter anything.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="124" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="430" />
            <source>(aucun)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="136" />
            <source>Appliquer</source>
            <translation>Apply</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="137" />
            <source>Annuler</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="139" />
            <source>Tout décocher</source>
            <translation>Untick all</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="194" />
            <source>Tous</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="194" />
            <source>Pourvus</source>
            <translation>Filled</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="195" />
            <source>Non pourvus</source>
            <translation>Not filled</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="205" />
            <source>Rechercher : établissement, service, chef, DES, n° de poste…</source>
            <translation>Search: hospital, department, head, DES, post number…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="210" />
            <source>Recherche avancée…</source>
            <translation>Advanced search…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="216" />
            <source>Par service</source>
            <translation>By department</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="217" />
            <source>Un poste par ligne</source>
            <translation>One post per row</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="223" />
            <source>Recherches enregistrées :</source>
            <translation>Saved searches:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="229" />
            <source>Enregistrer…</source>
            <translation>Save…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="230" />
            <source>Enregistrer les filtres actuels sous un nom</source>
            <translation>Save the current filters under a name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="233" />
            <source>Supprimer</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="242" />
            <source>Afficher tous les postes</source>
            <translation>Show all posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="293" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="368" />
            <source>Voir tous les postes de ce service</source>
            <translation>See all posts of this department</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="295" />
            <source>N'afficher que les postes du service sélectionné (clic droit sur un poste ou un service)</source>
            <translation>Show only the posts of the selected department (right-click a post or a department)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="298" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="336" />
            <source>Double-cliquez sur un service ou un poste pour l'ajouter à vos favoris.</source>
            <translation>Double-click a department or a post to add it to your favourites.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="304" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="372" />
            <source>Ajouter aux favoris</source>
            <translation>Add to favourites</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="380" />
            <location filename="../../desktop/ui/amphi/posts_view.py" line="573" />
            <source>Sélectionnez d'abord un service ou un poste.</source>
            <translation>Select a department or a post first.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="429" />
            <source>{label} : {values}</source>
            <translation>{label}: {values}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="431" />
            <source>Recherche avancée — </source>
            <translation>Advanced search — </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="457" />
            <source>%1 postes affichés sur %2 · %3 libres</source>
            <translation>%1 of %2 posts shown · %3 free</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="498" />
            <source>— Choisir —</source>
            <translation>— Choose —</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="498" />
            <source>(aucune)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="525" />
            <source>Enregistrer la recherche</source>
            <translation>Save the search</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="526" />
            <source>Nom de la recherche :</source>
            <translation>Search name:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/posts_view.py" line="548" />
            <source>Recherche « %1 » enregistrée.</source>
            <translation>Search “%1” saved.</translation>
        </message>
    </context>
    <context>
        <name>AmphiStaff</name>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="104" />
            <source>Amphithéâtres — gestion</source>
            <translation>Manage amphitheatres</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="106" />
            <source>Campagne :</source>
            <translation>Campaign:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="118" />
            <source>Amphithéâtres et séances</source>
            <translation>Amphitheatres and sessions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="119" />
            <source>Imports</source>
            <translation>Imports</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="120" />
            <location filename="../../desktop/ui/amphi/staff_page.py" line="501" />
            <source>Demandes de surnombre</source>
            <translation>Supernumerary requests</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="128" />
            <source>Un interne absent, hors délai ou en absence prévue se présente ? Sélectionnez-le dans l'ordre de passage :</source>
            <translation>An intern who was absent, out of time or on planned absence turns up? Select them in the order of turns:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="131" />
            <source>Le replacer après l'interne qui choisit</source>
            <translation>Put them back after the intern who is choosing</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="135" />
            <source>Affecter le poste sélectionné</source>
            <translation>Assign the selected post</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="136" />
            <source>Pour un interne dont le tour est passé : sélectionnez-le, puis le poste.</source>
            <translation>For an intern whose turn has passed: select them, then the post.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="142" />
            <source>Absence prévue de l'interne sélectionné :</source>
            <translation>Planned absence of the selected intern:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="146" />
            <source>motif (facultatif), ex. disponibilité</source>
            <translation>reason (optional), e.g. leave of absence</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="148" />
            <source>Marquer absent prévu</source>
            <translation>Mark as planned absence</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="149" />
            <source>Il sera sauté à son tour (il peut être replacé s'il se présente).</source>
            <translation>They will be skipped at their turn (they can be put back if they turn up).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="153" />
            <source>Annuler l'absence prévue</source>
            <translation>Cancel the planned absence</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="157" />
            <source>Séance en direct</source>
            <translation>Live session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="159" />
            <source>Affectations</source>
            <translation>Assignments</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="172" />
            <source>Amphithéâtre</source>
            <translation>Amphitheatre</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="172" />
            <source>État</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="173" />
            <location filename="../../desktop/ui/amphi/staff_page.py" line="292" />
            <source>Internes</source>
            <translation>Interns</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="173" />
            <source>Postes libres</source>
            <translation>Free posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="191" />
            <source>Créer un amphithéâtre</source>
            <translation>Create an amphitheatre</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="195" />
            <source>ex. Médecine générale</source>
            <translation>e.g. General practice</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="198" />
            <source>Phase socle</source>
            <translation>Foundation phase</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="198" />
            <source>Phase d'approfondissement</source>
            <translation>Advanced phase</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="198" />
            <source>Phase de consolidation</source>
            <translation>Consolidation phase</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="199" />
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Nom</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="200" />
            <source>Groupe de spécialités</source>
            <translation>Specialty group</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="201" />
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Phase</source>
            <translation>Phase</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="203" />
            <source>Créer</source>
            <translation>Create</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="211" />
            <location filename="../../desktop/ui/amphi/staff_page.py" line="416" />
            <source>Sélectionnez un amphithéâtre</source>
            <translation>Select an amphitheatre</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="224" />
            <source>Valider (ouverture le…)</source>
            <translation>Validate (opens on…)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="224" />
            <source>Invalider</source>
            <translation>Withdraw validation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="224" />
            <source>Ouvrir maintenant</source>
            <translation>Open now</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="224" />
            <source>Démarrer la séance</source>
            <translation>Start the session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="224" />
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="224" />
            <source>Reprendre</source>
            <translation>Resume</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="224" />
            <source>Terminer</source>
            <translation>Finish</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="230" />
            <source>Séances (rangs consécutifs à partir de 1)</source>
            <translation>Sessions (consecutive ranks from 1)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="233" />
            <source>Début</source>
            <translation>Start</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="233" />
            <source>Fin</source>
            <translation>End</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="234" />
            <source>Du rang</source>
            <translation>From rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="234" />
            <source>Au rang</source>
            <translation>To rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="242" />
            <source>Ajouter une séance</source>
            <translation>Add a session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="245" />
            <source>Retirer la dernière</source>
            <translation>Remove the last one</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="250" />
            <source>Enregistrer les séances</source>
            <translation>Save the sessions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="258" />
            <source>Liste d'appel (CSV)</source>
            <translation>Call list (CSV)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="261" />
            <source>Liste d'appel (PDF)</source>
            <translation>Call list (PDF)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="268" />
            <source>Message à tous les internes de cet amphithéâtre (la cloche)</source>
            <translation>Message to every intern of this amphitheatre (the bell)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="271" />
            <source>Envoyer</source>
            <translation>Send</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="285" />
            <source>Fichiers CSV (séparateur ; , ou tabulation, UTF-8 ou Windows-1252) ou XLSX. Les lignes correctes sont enregistrées, les autres listées ci-dessous avec leur motif. Importez les services avant les postes.</source>
            <translation>CSV files (separator ; , or tab, UTF-8 or Windows-1252) or XLSX. Valid rows are saved; the others are listed below with the reason. Import departments before posts.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="292" />
            <source>Importer : %1…</source>
            <translation>Import: %1…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="292" />
            <source>Services</source>
            <translation>Departments</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="292" />
            <source>Postes</source>
            <translation>Posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="302" />
            <source>Ligne</source>
            <translation>Row</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="302" />
            <source>Motif du rejet</source>
            <translation>Reason for rejection</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="303" />
            <source>Valeurs lues</source>
            <translation>Values read</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="317" />
            <source>Interne</source>
            <translation>Intern</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="317" />
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>DES</source>
            <translation>DES</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="317" />
            <source>Type actuel</source>
            <translation>Current type</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="317" />
            <source>Demande</source>
            <translation>Request</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="317" />
            <source>Décision</source>
            <translation>Decision</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="322" />
            <source>Aucune demande en attente.</source>
            <translation>No pending requests.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="357" />
            <source>Aucune campagne d'amphithéâtre sur ce serveur.</source>
            <translation>No amphitheatre campaign on this server.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="420" />
            <source>État : %1 · %2 internes · %3 postes dont %4 libres</source>
            <translation>Status: %1 · %2 interns · %3 posts, %4 of them free</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="424" />
            <source>ouverture le %1</source>
            <translation>opens on %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="492" />
            <source>Accepter</source>
            <translation>Accept</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="492" />
            <source>Refuser</source>
            <translation>Refuse</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="500" />
            <source>Demandes de surnombre (%1)</source>
            <translation>Supernumerary requests (%1)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="556" />
            <source>Amphithéâtre créé : %1 internes et %2 postes y sont rattachés.</source>
            <translation>Amphitheatre created: %1 interns and %2 posts are attached to it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="573" />
            <source>%1 : %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="592" />
            <source>Interne replacé juste après l'interne qui choisit.</source>
            <translation>Intern put back right after the intern who is choosing.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="605" />
            <source>Poste %1 affecté à %2.</source>
            <translation>Post %1 assigned to %2.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="620" />
            <source>Sélectionnez l'interne dans l'ordre de passage et le poste dans la liste des postes.</source>
            <translation>Select the intern in the order of turns and the post in the list of posts.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="636" />
            <source>%1 : absence prévue enregistrée, il sera sauté à son tour.</source>
            <translation>%1: planned absence saved, they will be skipped at their turn.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="637" />
            <source>%1 : absence prévue annulée.</source>
            <translation>%1: planned absence cancelled.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="650" />
            <location filename="../../desktop/ui/amphi/staff_page.py" line="675" />
            <source>Sélectionnez d'abord l'interne dans l'ordre de passage.</source>
            <translation>Select the intern in the order of turns first.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="690" />
            <source>Séances enregistrées.</source>
            <translation>Sessions saved.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="705" />
            <source>Message envoyé aux internes de l'amphithéâtre.</source>
            <translation>Message sent to the interns of the amphitheatre.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="722" />
            <source>Enregistrer la liste d'appel</source>
            <translation>Save the call list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="739" />
            <source>Liste d'appel enregistrée : %1</source>
            <translation>Call list saved: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="744" />
            <source>Fichier à importer</source>
            <translation>File to import</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="745" />
            <source>Tableaux (*.csv *.xlsx *.txt)</source>
            <translation>Spreadsheets (*.csv *.xlsx *.txt)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="754" />
            <source>Import de %1 en cours…</source>
            <translation>Importing %1…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="764" />
            <source>Fichier illisible : %1</source>
            <translation>Unreadable file: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="776" />
            <source>%1 : %2 lignes lues, %3 créées, %4 mises à jour, %5 rejetées.</source>
            <translation>%1: %2 rows read, %3 created, %4 updated, %5 rejected.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Numéro</source>
            <translation>Number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>N° service</source>
            <translation>Department no.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Libellé DES</source>
            <translation>DES title</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Groupe</source>
            <translation>Group</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Régime</source>
            <translation>Regime</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Fléchage</source>
            <translation>Earmarking</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Réservé</source>
            <translation>Reserved</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Établissement</source>
            <translation>Hospital</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Service</source>
            <translation>Department</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Chef de service</source>
            <translation>Head of department</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Département</source>
            <translation>Department</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Prénom</source>
            <translation>First name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Date de naissance</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>INE</source>
            <translation>INE</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>UFR</source>
            <translation>Medical school</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Promotion</source>
            <translation>Year group</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Ancienneté</source>
            <translation>Seniority</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Rang local</source>
            <translation>Local rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Effectif promo local</source>
            <translation>Local year-group size</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Type de choix</source>
            <translation>Choice type</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Absence prévue</source>
            <translation>Planned absence</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/staff_page.py" line="786" />
            <source>Amphi</source>
            <translation>Amphi</translation>
        </message>
    </context>
    <context>
        <name>AmphiSync</name>
        <message>
            <location filename="../../desktop/sync/amphi.py" line="188" />
            <source>Hors ligne : vos favoris enregistrés sur cet ordinateur sont affichés et restent modifiables.</source>
            <translation>Offline: the favourites saved on this computer are shown and can still be changed.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/amphi.py" line="233" />
            <source>Hors ligne : modification enregistrée sur cet ordinateur, elle sera envoyée au retour de la connexion.</source>
            <translation>Offline: change saved on this computer; it will be sent when the connection is back.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/amphi.py" line="254" />
            <source>Déjà dans vos favoris.</source>
            <translation>Already in your favourites.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/amphi.py" line="324" />
            <source>« %1 » retiré de vos favoris : %2</source>
            <translation>“%1” removed from your favourites: %2</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/amphi.py" line="332" />
            <source>Vos favoris modifiés hors ligne n'ont pas pu être envoyés : %1 Ils restent enregistrés sur cet ordinateur.</source>
            <translation>Your favourites changed offline could not be sent: %1 They remain saved on this computer.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/amphi.py" line="338" />
            <source>Vos favoris avaient aussi changé sur un autre appareil : votre ordre a été gardé et les ajouts faits ailleurs placés à la fin.</source>
            <translation>Your favourites had also changed on another device: your order was kept and the additions made elsewhere were placed at the end.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/amphi.py" line="342" />
            <source>Favoris modifiés hors ligne envoyés.</source>
            <translation>Favourites changed offline have been sent.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/amphi.py" line="377" />
            <source>Saisissez l'adresse indiquée par l'interne.</source>
            <translation>Enter the address given by the intern.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/amphi.py" line="380" />
            <source>Saisissez votre mot de passe.</source>
            <translation>Enter your password.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/amphi.py" line="480" />
            <source>Vous êtes de retour : vous passez juste après l'interne qui choisit en ce moment.</source>
            <translation>Welcome back: you go right after the intern who is choosing now.</translation>
        </message>
    </context>
    <context>
        <name>ApiClient</name>
        <message>
            <location filename="../../desktop/api/client.py" line="102" />
            <source>Le serveur ne répond pas (délai dépassé). Vérifiez votre connexion.</source>
            <translation>The server is not answering (timed out). Check your connection.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="105" />
            <location filename="../../desktop/api/client.py" line="212" />
            <source>Adresse du serveur invalide : elle doit commencer par http:// ou https://.</source>
            <translation>Invalid server address: it must start with http:// or https://.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="108" />
            <source>La connexion sécurisée avec le serveur a échoué : son certificat n'est pas reconnu. Vérifiez l'adresse du serveur.</source>
            <translation>The secure connection to the server failed: its certificate is not recognised. Check the server address.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="115" />
            <source>Adresse du serveur introuvable : vérifiez l'adresse saisie et votre connexion à Internet.</source>
            <translation>Server address not found: check the address you entered and your Internet connection.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="119" />
            <source>Le serveur est injoignable. Vérifiez votre connexion.</source>
            <translation>The server cannot be reached. Check your connection.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="122" />
            <source>La connexion au serveur a été interrompue. Vérifiez votre connexion.</source>
            <translation>The connection to the server was interrupted. Check your connection.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="124" />
            <source>Erreur de communication avec le serveur.</source>
            <translation>Error communicating with the server.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="177" />
            <source>Le serveur est momentanément indisponible.</source>
            <translation>The server is temporarily unavailable.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="181" />
            <source>La demande a été refusée par le serveur.</source>
            <translation>The request was refused by the server.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="181" />
            <source>Veuillez vous reconnecter.</source>
            <translation>Please sign in again.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="181" />
            <source>Vous n'avez pas le droit d'effectuer cette action.</source>
            <translation>You are not allowed to do this.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="181" />
            <source>Élément introuvable sur le serveur.</source>
            <translation>Item not found on the server.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="181" />
            <source>Cette action est entrée en conflit avec une autre : réessayez.</source>
            <translation>This action conflicted with another one: try again.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="181" />
            <source>La demande est trop volumineuse.</source>
            <translation>The request is too large.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="181" />
            <source>Trop de tentatives : patientez avant de réessayer.</source>
            <translation>Too many attempts: wait before trying again.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="183" />
            <source>Le serveur a rencontré une erreur inattendue (code %1). Réessayez dans un instant.</source>
            <translation>The server ran into an unexpected error (code %1). Try again in a moment.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="189" />
            <source>Réponse du serveur incompréhensible : ce serveur n'est peut-être pas un serveur Amphi, ou il n'est pas à jour.</source>
            <translation>The server's answer cannot be understood: this may not be an Amphi server, or it is not up to date.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="203" />
            <source>Saisissez l'adresse du serveur.</source>
            <translation>Enter the server address.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="209" />
            <source>Adresse du serveur invalide.</source>
            <translation>Invalid server address.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/client.py" line="380" />
            <source>Veuillez vous connecter.</source>
            <translation>Please sign in.</translation>
        </message>
    </context>
    <context>
        <name>Banner</name>
        <message>
            <location filename="../../desktop/ui/widgets.py" line="146" />
            <source>Information</source>
            <translation>Information</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets.py" line="146" />
            <source>Attention</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets.py" line="147" />
            <source>Erreur</source>
            <translation>Error</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets.py" line="147" />
            <source>Réussi</source>
            <translation>Done</translation>
        </message>
    </context>
    <context>
        <name>CampaignModel</name>
        <message>
            <location filename="../../desktop/models/campaigns.py" line="54" />
            <source>Procédure</source>
            <translation>Procedure</translation>
        </message>
        <message>
            <location filename="../../desktop/models/campaigns.py" line="55" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../desktop/models/campaigns.py" line="56" />
            <source>Mon rôle</source>
            <translation>My role</translation>
        </message>
        <message>
            <location filename="../../desktop/models/campaigns.py" line="57" />
            <source>État</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>CampaignPicker</name>
        <message>
            <location filename="../../desktop/ui/campaign_picker.py" line="31" />
            <source>Campagne :</source>
            <translation>Campaign:</translation>
        </message>
    </context>
    <context>
        <name>CandidateListModel</name>
        <message>
            <location filename="../../desktop/models/matching_ranking.py" line="76" />
            <source>DANS VOTRE SUBDIVISION</source>
            <translation>IN YOUR SUBDIVISION</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_ranking.py" line="78" />
            <source>Semestre décalé</source>
            <translation>Deferred semester</translation>
        </message>
    </context>
    <context>
        <name>CellDialog</name>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="113" />
            <source>Qui est placé dans cette cellule</source>
            <translation>Who is placed in this cell</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="118" />
            <source>%1 poste(s) · %2 resteront libres une fois que tout le monde aura choisi (simulation)</source>
            <translation>%1 post(s) · %2 will remain free once everyone has chosen (simulation)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="128" />
            <source>« affecté » : poste déjà attribué ; « simulé » : le poste que prendrait cet étudiant si chacun gardait ses vœux actuels. « 501 (345) » : le classé 345 passe derrière le 501.</source>
            <translation>“assigned”: post already allocated; “simulated”: the post this student would take if everyone kept their current wishes. “501 (345)”: the student ranked 345 goes after number 501.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="133" />
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>ClosedPage</name>
        <message>
            <location filename="../../desktop/ui/matching/closed_page.py" line="102" />
            <source>Application fermée</source>
            <translation>Application closed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/closed_page.py" line="110" />
            <source>Cette page s'ouvrira d'elle-même à la prochaine date. Les dates sont en heure de Paris.</source>
            <translation>This page will open by itself on the next date. Dates are in Paris time.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/closed_page.py" line="114" />
            <source>Actualiser</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/closed_page.py" line="127" />
            <source>aux responsables de terrain de stage</source>
            <translation>to post supervisors</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/closed_page.py" line="128" />
            <source>aux internes</source>
            <translation>to interns</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/closed_page.py" line="129" />
            <source>La campagne « {name} » n'est pas encore ouverte {who} : aucune phase n'est en cours.</source>
            <translation>The campaign “{name}” is not open {who} yet: no phase is in progress.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/closed_page.py" line="135" />
            <source>Prochaines ouvertures :</source>
            <translation>Next openings:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/closed_page.py" line="139" />
            <source>Les dates ne sont pas encore fixées : l'agence régionale de santé les publiera ici.</source>
            <translation>The dates are not set yet: the regional health agency will publish them here.</translation>
        </message>
    </context>
    <context>
        <name>ColumnChooser</name>
        <message>
            <location filename="../../desktop/ui/column_chooser.py" line="67" />
            <source>Colonnes…</source>
            <translation>Columns…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/column_chooser.py" line="70" />
            <source>Choisir les colonnes affichées (aussi par un clic droit sur les titres des colonnes)</source>
            <translation>Choose the columns shown (also by right-clicking the column titles)</translation>
        </message>
    </context>
    <context>
        <name>Confirmation</name>
        <message>
            <location filename="../../desktop/ui/confirmation.py" line="57" />
            <source>Confirmation de votre choix</source>
            <translation>Confirming your choice</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/confirmation.py" line="63" />
            <source>Vous allez choisir</source>
            <translation>You are about to choose</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/confirmation.py" line="64" />
            <source>Lisez attentivement avant de confirmer.</source>
            <translation>Read carefully before confirming.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/confirmation.py" line="71" />
            <source>Attention : en confirmant, votre choix devient définitif. Ce clic est irrévocable, non répudiable et non contestable. Vous ne pourrez plus modifier vos vœux ni changer de poste.</source>
            <translation>Warning: once you confirm, your choice is final. This click is irrevocable, binding and cannot be contested. You will no longer be able to change your wishes or your post.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/confirmation.py" line="74" />
            <source>Attention : en confirmant, votre choix devient définitif. Ce clic est irrévocable, non répudiable et non contestable. Vous ne pourrez plus changer de poste.</source>
            <translation>Warning: once you confirm, your choice is final. This click is irrevocable, non-repudiable and cannot be contested. You will no longer be able to change posts.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/confirmation.py" line="81" />
            <source>&amp;Non, je reviens à mes choix</source>
            <translation>&amp;No, take me back to my choices</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/confirmation.py" line="85" />
            <source>&amp;Oui, je confirme</source>
            <translation>&amp;Yes, I confirm</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/confirmation.py" line="90" />
            <source>Oui, je confirme mon choix définitif</source>
            <translation>Yes, I confirm my final choice</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/confirmation.py" line="102" />
            <source>Dernière confirmation</source>
            <translation>Final confirmation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/confirmation.py" line="111" />
            <source>Confirmez-vous définitivement le choix suivant ?

{post}</source>
            <translation>Do you confirm the following choice, for good?

{post}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/confirmation.py" line="117" />
            <source>&amp;OK</source>
            <translation>&amp;OK</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/confirmation.py" line="119" />
            <source>&amp;Annuler</source>
            <translation>&amp;Cancel</translation>
        </message>
    </context>
    <context>
        <name>CoordinatorView</name>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="284" />
            <source>Suivi de l'appariement</source>
            <translation>Matching overview</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="291" />
            <source>Lancer l'appariement du tour</source>
            <translation>Run the round's matching</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="292" />
            <source>Publier les résultats du tour</source>
            <translation>Publish the round's results</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="306" />
            <source>Suffisantes</source>
            <translation>Sufficient</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="306" />
            <source>Connectés</source>
            <translation>Signed in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="307" />
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="313" />
            <source>Affectés</source>
            <translation>Assigned</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="309" />
            <source>Classement valide</source>
            <translation>Valid ranking</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="310" />
            <source>Avec candidatures</source>
            <translation>With applications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="311" />
            <source>Validé ARS</source>
            <translation>Validated by the ARS</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="314" />
            <source>Étudiants</source>
            <translation>Students</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="315" />
            <source>Postes</source>
            <translation>Posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="316" />
            <source>Résultats</source>
            <translation>Results</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="318" />
            <source>Saisie hors plateforme</source>
            <translation>Off-platform entry</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="351" />
            <source>du tour {n}</source>
            <translation>of round {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="353" />
            <source>des tours {a} et {b}</source>
            <translation>of rounds {a} and {b}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="368" />
            <source>Aucune campagne d'appariement.</source>
            <translation>No matching campaign.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="383" />
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="414" />
            <source>Tour {n} : {phase}</source>
            <translation>Round {n}: {phase}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="415" />
            <source>lancé le {d}</source>
            <translation>run on {d}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="416" />
            <source>publié le {d}</source>
            <translation>published on {d}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="424" />
            <source>Résultats publiés le {d}.</source>
            <translation>Results published on {d}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="426" />
            <source>Tour hors plateforme : publiez d'abord les résultats {rounds}.</source>
            <translation>Off-platform round: first publish the results {rounds}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="429" />
            <source>Tour hors plateforme : saisissez les affectations dans l'onglet « Saisie hors plateforme », puis publiez-les.</source>
            <translation>Off-platform round: enter the assignments in the “Off-platform entry” tab, then publish them.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="432" />
            <source>Calculé le {d} : vérifiez les résultats, puis publiez-les.</source>
            <translation>Calculated on {d}: check the results, then publish them.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="435" />
            <source>Classement clos : l'appariement peut être lancé.</source>
            <translation>Ranking closed: the matching can be run.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="436" />
            <source>Classement clos : l'agence lance l'appariement.</source>
            <translation>Ranking closed: the agency runs the matching.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="438" />
            <source>L'appariement pourra être lancé après la clôture du classement{d}.</source>
            <translation>The matching can be run once the ranking is closed{d}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="439" />
            <source> ({d})</source>
            <translation> ({d})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="465" />
            <source>Fichier CSV (*.csv)</source>
            <translation>CSV file (*.csv)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="465" />
            <source>Classeur Excel (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="466" />
            <source>Enregistrer l'export</source>
            <translation>Save the export</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="472" />
            <source>Confirmation</source>
            <translation>Confirmation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="480" />
            <source>Appariement</source>
            <translation>Matching</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="480" />
            <source>Appariement du tour {n} en cours : lecture des candidatures et des classements, calcul, enregistrement des résultats…</source>
            <translation>Matching of round {n} in progress: reading the applications and rankings, calculating, saving the results…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="494" />
            <source>Tour {n} calculé : {a} affecté(s) sur {p} participant(s) ; {v} poste(s) au classement valide, {i} non valide(s) ; {s} s. Les résultats ne sont visibles que par l'agence et les coordonnateurs jusqu'à leur publication.</source>
            <translation>Round {n} calculated: {a} assigned out of {p} participant(s); {v} post(s) with a valid ranking, {i} not valid; {s} s. The results are visible only to the agency and the coordinators until they are published.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="507" />
            <source>Publier les résultats du tour {n} ? Étudiants et responsables de terrain les verront aussitôt.</source>
            <translation>Publish the results of round {n}? Students and supervisors will see them at once.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="516" />
            <source>Résultats du tour {n} publiés ({a} affectation(s)).</source>
            <translation>Results of round {n} published ({a} assignment(s)).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="533" />
            <source>rang {n}</source>
            <translation>rank {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="534" />
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="560" />
            <source>non retenu(e)</source>
            <translation>not accepted</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="535" />
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="561" />
            <source>non classé(e)</source>
            <translation>not ranked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="536" />
            <source> · même subdivision</source>
            <translation> · same subdivision</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="538" />
            <source>Classement valide.</source>
            <translation>Valid ranking.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="539" />
            <source>Classement non valide : </source>
            <translation>Ranking not valid: </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="541" />
            <source>Classement — {label}</source>
            <translation>Ranking — {label}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="542" />
            <source>Dernière modification : {by} le {d}</source>
            <translation>Last changed: {by} on {d}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="555" />
            <source>affecté(e)</source>
            <translation>assigned</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="555" />
            <source>non affecté(e)</source>
            <translation>not assigned</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="556" />
            <source>en attente</source>
            <translation>pending</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="559" />
            <source>rang RTS {n}</source>
            <translation>supervisor rank {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="562" />
            <source> (classement non valide)</source>
            <translation> (ranking not valid)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="563" />
            <source>Tour {r}, choix {p} : {label} — {est} — {rank}{valid} — {res}</source>
            <translation>Round {r}, choice {p}: {label} — {est} — {rank}{valid} — {res}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="569" />
            <source>Candidatures — {name}</source>
            <translation>Applications — {name}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="581" />
            <source>Aucune candidature.</source>
            <translation>No applications.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="583" />
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>DashboardTab</name>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="93" />
            <source>Nom, e-mail, INE, numéro, établissement…</source>
            <translation>Name, email, INE, number, hospital…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="96" />
            <source>Toutes les subdivisions</source>
            <translation>All subdivisions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="98" />
            <source>Toutes les spécialités</source>
            <translation>All specialties</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="108" />
            <source>Tous</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="108" />
            <source>Oui</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="108" />
            <source>Non</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="108" />
            <source>tous</source>
            <translation>all</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="109" />
            <source>{label} : {choice}</source>
            <translation>{label}: {choice}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="138" />
            <source>Exporter en CSV…</source>
            <translation>Export to CSV…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="139" />
            <source>Exporter en Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="188" />
            <source>Connectés</source>
            <translation>Signed in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="189" />
            <source>Candidatures suffisantes</source>
            <translation>Sufficient applications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="190" />
            <source>Participants</source>
            <translation>Participants</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="191" />
            <source>Semestre décalé</source>
            <translation>Deferred semester</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="192" />
            <source>Affectés</source>
            <translation>Assigned</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="199" />
            <source>{n} postes, {k} places</source>
            <translation>{n} posts, {k} places</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="201" />
            <source>Places attribuées</source>
            <translation>Places allocated</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="202" />
            <source>Avec candidatures</source>
            <translation>With applications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="203" />
            <source>Classements valides</source>
            <translation>Valid rankings</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="204" />
            <source>Validés par l'ARS</source>
            <translation>Validated by the ARS</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="205" />
            <source>RTS connectés</source>
            <translation>Supervisors signed in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="210" />
            <source>{n} résultat(s), dont {a} affectation(s)</source>
            <translation>{n} result(s), {a} of them assignment(s)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="211" />
            <source>Aucun résultat pour l'instant : ils apparaissent ici dès qu'un tour a été calculé (avant publication, seuls l'agence et les coordonnateurs les voient).</source>
            <translation>No results yet: they appear here as soon as a round has been calculated (before publication, only the agency and the coordinators can see them).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="227" />
            <source>{n} ligne(s)</source>
            <translation>{n} row(s)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="245" />
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="245" />
            <source>Préparation du fichier…</source>
            <translation>Preparing the file…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="263" />
            <source>Enregistrement impossible : {e}</source>
            <translation>Could not save: {e}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/coordinator_view.py" line="266" />
            <source>Exporté : {n} ligne(s) dans {path}</source>
            <translation>Exported: {n} row(s) to {path}</translation>
        </message>
    </context>
    <context>
        <name>DatesDialog</name>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="157" />
            <source>Nom</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="162" />
            <source>Tour n°</source>
            <translation>Round no.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="163" />
            <source>Heure de Paris. Décochez une date pour la laisser vide.</source>
            <translation>Paris time. Untick a date to leave it empty.</translation>
        </message>
    </context>
    <context>
        <name>DaySlicesDialog</name>
        <message>
            <location filename="../../desktop/ui/national/day_slices.py" line="34" />
            <location filename="../../desktop/ui/national/day_slices.py" line="38" />
            <source>Tranches de passage</source>
            <translation>Day slices</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/day_slices.py" line="38" />
            <source>Chaque jour de l'amphithéâtre couvre une plage de rangs : personne ne passe avant son jour. L'agence peut ouvrir la tranche suivante en fin de journée pour ceux qui veulent choisir en avance.</source>
            <translation>Each day of the amphitheatre covers a range of ranks: nobody passes before their day. The agency may open the next slice at the end of the day for those who want to choose early.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/day_slices.py" line="43" />
            <source>Début</source>
            <translation>Starts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/day_slices.py" line="43" />
            <source>Du rang</source>
            <translation>From rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/day_slices.py" line="44" />
            <source>Au rang</source>
            <translation>To rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/day_slices.py" line="61" />
            <source>Votre jour de passage</source>
            <translation>Your day</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/day_slices.py" line="69" />
            <source>L'agence n'a pas encore publié les tranches de passage.</source>
            <translation>The agency has not published the day slices yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/day_slices.py" line="76" />
            <source>La permanence de l'agence débute à %1.</source>
            <translation>The agency's desk opens at %1.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/day_slices.py" line="79" />
            <source>Hotline de l'amphi : %1</source>
            <translation>Amphitheatre hotline: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/day_slices.py" line="86" />
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>DemoServer</name>
        <message>
            <location filename="../../desktop/demo_launcher.py" line="184" />
            <source>Création des données de démonstration (8 000 étudiants, 9 000 postes)… Cela prend quelques secondes, la première fois seulement.</source>
            <translation>Creating the demo data (8,000 students, 9,000 posts)… This takes a few seconds, the first time only.</translation>
        </message>
        <message>
            <location filename="../../desktop/demo_launcher.py" line="188" />
            <location filename="../../desktop/demo_launcher.py" line="264" />
            <source>Démarrage du serveur de démonstration…</source>
            <translation>Starting the demo server…</translation>
        </message>
        <message>
            <location filename="../../desktop/demo_launcher.py" line="201" />
            <source>Le serveur de démonstration n'a pas pu démarrer.</source>
            <translation>The demo server could not start.</translation>
        </message>
        <message>
            <location filename="../../desktop/demo_launcher.py" line="212" />
            <source>Arrêt d'un serveur de démonstration resté ouvert…</source>
            <translation>Stopping a demo server left running…</translation>
        </message>
        <message>
            <location filename="../../desktop/demo_launcher.py" line="229" />
            <source>Un serveur de démonstration resté ouvert (processus %1) utilise encore %2 et ne s'arrête pas.</source>
            <translation>A demo server left running (process %1) still uses %2 and does not stop.</translation>
        </message>
        <message>
            <location filename="../../desktop/demo_launcher.py" line="254" />
            <source>Le serveur de démonstration s'est arrêté au démarrage (code %1). Détails dans %2.</source>
            <translation>The demo server stopped while starting (code %1). Details in %2.</translation>
        </message>
        <message>
            <location filename="../../desktop/demo_launcher.py" line="259" />
            <source>Le serveur de démonstration ne répond pas après %1 s. Détails dans %2.</source>
            <translation>The demo server is not answering after %1 s. Details in %2.</translation>
        </message>
    </context>
    <context>
        <name>DetailsCheckCard</name>
        <message>
            <location filename="../../desktop/ui/amphi/details_check.py" line="46" />
            <source>UFR : %1</source>
            <translation>Faculty: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/details_check.py" line="47" />
            <source>rang de classement local : %1 sur %2</source>
            <translation>local rank: %1 of %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/details_check.py" line="50" />
            <source>promotion %1, %2 semestre(s) validé(s)</source>
            <translation>cohort %1, %2 semester(s) completed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/details_check.py" line="53" />
            <source>ordre de passage : %1</source>
            <translation>passing order: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/details_check.py" line="62" />
            <source>Signaler une erreur à l'agence</source>
            <translation>Report an error to the agency</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/details_check.py" line="65" />
            <source>Dites ce qui est inexact (votre UFR, votre rang, votre promotion…) : l'agence le corrigera avant l'amphithéâtre.</source>
            <translation>Say what is wrong (your faculty, your rank, your cohort…): the agency will correct it before the amphitheatre.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/details_check.py" line="69" />
            <source>Par exemple : je suis inscrit à l'UFR de Grenoble.</source>
            <translation>For example: I am enrolled at the Grenoble faculty.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/details_check.py" line="77" />
            <source>Envoyer</source>
            <translation>Send</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/details_check.py" line="79" />
            <source>Annuler</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/details_check.py" line="96" />
            <source>Vérifiez vos informations</source>
            <translation>Check your details</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/details_check.py" line="106" />
            <source>C'est exact</source>
            <translation>It is correct</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/details_check.py" line="109" />
            <source>Signaler une erreur…</source>
            <translation>Report an error…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/details_check.py" line="128" />
            <source>Erreur signalée le %1 : « %2 » — l'agence a été prévenue ; une fois corrigé, confirmez ici.</source>
            <translation>Error reported on %1: “%2” — the agency has been told; once corrected, confirm here.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/details_check.py" line="133" />
            <source>Avant l'amphithéâtre, vérifiez votre UFR et votre ordre de passage : une erreur se corrige maintenant, pas le jour du choix.</source>
            <translation>Before the amphitheatre, check your faculty and passing order: an error is corrected now, not on choice day.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="64" />
            <location filename="../../desktop/ui/first_run_dialog.py" line="79" />
            <source>Bienvenue dans Amphi</source>
            <translation>Welcome to Amphi</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="80" />
            <source>Avant de commencer, dites-nous où se trouvent vos choix de postes. Vous pourrez changer d'adresse plus tard depuis la fenêtre de connexion.</source>
            <translation>Before you start, tell us where your choice of posts takes place. You can change the address later from the sign-in window.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="85" />
            <source>Comment voulez-vous utiliser Amphi ?</source>
            <translation>How do you want to use Amphi?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="89" />
            <source>Me connecter au serveur de mon agence</source>
            <translation>Connect to my agency's server</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="91" />
            <source>Pour les vrais choix : l'adresse est donnée par votre agence régionale de santé ou votre faculté.</source>
            <translation>For the real choices: the address is given by your regional health agency (ARS) or your medical school.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="98" />
            <source>https://amphi.mon-agence.fr</source>
            <translation>https://amphi.my-agency.fr</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="99" />
            <location filename="../../desktop/ui/first_run_dialog.py" line="103" />
            <source>Adresse du serveur</source>
            <translation>Server address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="104" />
            <source>Elle vous est donnée par votre agence ou votre faculté.</source>
            <translation>Your agency or your faculty gives it to you.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="110" />
            <source>Essayer la démonstration (serveur local sur cet ordinateur)</source>
            <translation>Try the demo (local server on this computer)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="112" />
            <source>Des données fictives, sur cet ordinateur seulement : rien n'est envoyé à votre agence.</source>
            <translation>Made-up data, on this computer only: nothing is sent to your agency.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="117" />
            <source>Des étudiants, des postes et des campagnes fictifs, pour découvrir Amphi sans risque. Rien n'est envoyé à votre agence.</source>
            <translation>Made-up students, posts and campaigns, to discover Amphi safely. Nothing is sent to your agency.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="129" />
            <source>Vos données locales :</source>
            <translation>Your local data:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="131" />
            <source>Dossier des données locales</source>
            <translation>Local data folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="133" />
            <source>Ouvrir le dossier des données locales</source>
            <translation>Open the local data folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="134" />
            <source>Journaux :</source>
            <translation>Logs:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="136" />
            <source>Fichier des journaux</source>
            <translation>Log file</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="138" />
            <source>Ouvrir le dossier des journaux</source>
            <translation>Open the logs folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="147" />
            <source>Les journaux aident l'assistance de votre agence si quelque chose ne marche pas : ils ne contiennent pas votre mot de passe.</source>
            <translation>The logs help your agency's support team if something goes wrong: they do not contain your password.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="153" />
            <source>Guide d'utilisation</source>
            <translation>User guide</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="154" />
            <source>Ouvrir le guide d'utilisation</source>
            <translation>Open the user guide</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="155" />
            <source>Ouvre le guide dans votre navigateur (F1)</source>
            <translation>Opens the guide in your browser (F1)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="159" />
            <location filename="../../desktop/ui/first_run_dialog.py" line="160" />
            <source>Continuer</source>
            <translation>Continue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_run_dialog.py" line="186" />
            <source>Ouvrir le dossier</source>
            <translation>Open the folder</translation>
        </message>
    </context>
    <context>
        <name>GuideDialog</name>
        <message>
            <location filename="../../desktop/ui/guide.py" line="47" />
            <source>Guide d'utilisation d'Amphi</source>
            <translation>Amphi user guide</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guide.py" line="58" />
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>HistoryView</name>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="340" />
            <source>Mes historiques</source>
            <translation>My history</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="340" />
            <source>Chaque modification de vos vœux, avec son heure, et le reçu signé par le serveur de chaque liste enregistrée. Votre activité complète est dans « Mon activité ».</source>
            <translation>Every change to your wishes, with its time, and the receipt signed by the server for each list saved. Your complete activity is in “My activity”.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="346" />
            <source>Aucun changement de vœux enregistré pour l'instant : chaque ajout, suppression ou déplacement de vœu apparaîtra ici avec son heure.</source>
            <translation>No changes to your wishes recorded yet: every wish added, deleted or moved will appear here with its time.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="355" />
            <source>Mes changements passés</source>
            <translation>My past changes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="364" />
            <source>Vérifier le reçu sélectionné</source>
            <translation>Check the selected receipt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="370" />
            <source>Mes reçus</source>
            <translation>My receipts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="409" />
            <source>Sélectionnez d'abord un reçu.</source>
            <translation>Select a receipt first.</translation>
        </message>
    </context>
    <context>
        <name>InviteDialog</name>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="198" />
            <source>Inviter un coordonnateur ou un RTS</source>
            <translation>Invite a coordinator or a supervisor</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="202" />
            <source>prenom.nom@chu.example.org</source>
            <translation>firstname.lastname@chu.example.org</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="206" />
            <source>Responsable de terrain de stage (RTS)</source>
            <translation>Post supervisor (RTS)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="207" />
            <source>Coordonnateur</source>
            <translation>Coordinator</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="208" />
            <source>Adresse électronique</source>
            <translation>Email address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="209" />
            <source>Prénom</source>
            <translation>First name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="210" />
            <source>Nom</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="211" />
            <source>Rôle</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="212" />
            <source>Une invitation avec un lien de connexion est envoyée par courriel. Le nom et le prénom ne servent que si l'adresse n'a pas encore de compte.</source>
            <translation>An invitation with a sign-in link is sent by email. The names are only used when the address has no account yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="217" />
            <source>Inviter</source>
            <translation>Invite</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <location filename="../../desktop/models/labels.py" line="21" />
            <location filename="../../desktop/models/labels.py" line="31" />
            <location filename="../../desktop/models/labels.py" line="120" />
            <location filename="../../desktop/models/labels.py" line="121" />
            <source>Étudiant</source>
            <translation>Student</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="22" />
            <location filename="../../desktop/models/labels.py" line="121" />
            <source>Mandataire (procuration)</source>
            <translation>Proxy holder</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="23" />
            <location filename="../../desktop/models/labels.py" line="121" />
            <source>Responsable de terrain de stage</source>
            <translation>Training site supervisor</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="24" />
            <location filename="../../desktop/models/labels.py" line="121" />
            <source>Coordonnateur</source>
            <translation>Coordinator</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="25" />
            <location filename="../../desktop/models/labels.py" line="121" />
            <source>Agence (ARS / CNG)</source>
            <translation>Agency (ARS / CNG)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="32" />
            <location filename="../../desktop/models/labels.py" line="120" />
            <source>Interne</source>
            <translation>Intern</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="33" />
            <location filename="../../desktop/models/labels.py" line="120" />
            <source>Docteur junior</source>
            <translation>Junior doctor</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="38" />
            <location filename="../../desktop/models/labels.py" line="126" />
            <source>non CESP</source>
            <translation>non-CESP</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="39" />
            <location filename="../../desktop/models/labels.py" line="126" />
            <source>CESP</source>
            <translation>CESP</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="43" />
            <location filename="../../desktop/models/labels.py" line="130" />
            <source>Choix national des postes</source>
            <translation>National choice of posts</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="44" />
            <location filename="../../desktop/models/labels.py" line="130" />
            <source>Choix de stage en amphithéâtre</source>
            <translation>Amphitheatre placement choice</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="45" />
            <location filename="../../desktop/models/labels.py" line="130" />
            <source>Appariement</source>
            <translation>Matching</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="51" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>En préparation</source>
            <translation>In preparation</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="52" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>Fermé pour maintenance</source>
            <translation>Closed for maintenance</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="53" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>Coordonnées et mot de passe seulement</source>
            <translation>Contact details and password only</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="54" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>Vœux ouverts (simulation)</source>
            <translation>Wishes open (simulation)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="55" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>Amphithéâtre en cours</source>
            <translation>Amphitheatre in progress</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="56" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>Non validé par l'agence</source>
            <translation>Not validated by the agency</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="57" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>Validé</source>
            <translation>Validated</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="58" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>Ouvert</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="59" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>En cours</source>
            <translation>In progress</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="60" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>En pause</source>
            <translation>Paused</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="61" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>Candidatures ouvertes</source>
            <translation>Applications open</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="62" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>Classement des candidats</source>
            <translation>Ranking of applicants</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="63" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>Résultats publiés</source>
            <translation>Results published</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="64" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>Terminé</source>
            <translation>Finished</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="65" />
            <location filename="../../desktop/models/labels.py" line="139" />
            <source>Clos</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="69" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Création du compte</source>
            <translation>Account created</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="70" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Identité non reconnue</source>
            <translation>Identity not recognised</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="71" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Adresse électronique confirmée</source>
            <translation>Email address confirmed</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="72" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Lien de confirmation envoyé</source>
            <translation>Confirmation link sent</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="73" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Connexion</source>
            <translation>Sign-in</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="74" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Échec de connexion</source>
            <translation>Failed sign-in</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="75" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Connexion bloquée (trop de tentatives)</source>
            <translation>Sign-in blocked (too many attempts)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="76" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Déconnexion</source>
            <translation>Sign-out</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="77" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Lien de connexion envoyé</source>
            <translation>Sign-in link sent</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="78" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Réinitialisation du mot de passe demandée</source>
            <translation>Password reset requested</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="80" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Mot de passe réinitialisé</source>
            <translation>Password reset</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="81" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Mot de passe modifié</source>
            <translation>Password changed</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="82" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Question secrète modifiée</source>
            <translation>Secret question changed</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="83" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Coordonnées modifiées</source>
            <translation>Contact details changed</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="84" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Changement d'adresse électronique demandé</source>
            <translation>Change of email address requested</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="86" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Import d'identités</source>
            <translation>Identities imported</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="87" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Compte d'agent créé</source>
            <translation>Agency staff account created</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="88" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Message de l'agence publié</source>
            <translation>Agency message published</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="89" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Message de l'agence</source>
            <translation>Message from the agency</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="90" />
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Export des affectations</source>
            <translation>Assignments exported</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="94" />
            <location filename="../../desktop/models/labels.py" line="151" />
            <source>par mot de passe</source>
            <translation>with a password</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="95" />
            <location filename="../../desktop/models/labels.py" line="151" />
            <source>par lien reçu par courriel</source>
            <translation>with a link received by email</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="99" />
            <location filename="../../desktop/models/labels.py" line="153" />
            <source>adresse électronique</source>
            <translation>email address</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="100" />
            <location filename="../../desktop/models/labels.py" line="153" />
            <source>téléphone</source>
            <translation>phone</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="101" />
            <location filename="../../desktop/models/labels.py" line="153" />
            <source>adresse postale</source>
            <translation>postal address</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="102" />
            <location filename="../../desktop/models/labels.py" line="153" />
            <source>UFR</source>
            <translation>Medical school</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="121" />
            <source>Autre rôle</source>
            <translation>Other role</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="130" />
            <source>Procédure</source>
            <translation>Procedure</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="143" />
            <source>Autre action</source>
            <translation>Other action</translation>
        </message>
        <message>
            <location filename="../../desktop/models/labels.py" line="162" />
            <source>%1 créée(s), %2 mise(s) à jour</source>
            <translation>%1 created, %2 updated</translation>
        </message>
    </context>
    <context>
        <name>LiveClient</name>
        <message>
            <location filename="../../desktop/api/live.py" line="84" />
            <source>Flux d'événements arrêté.</source>
            <translation>Event stream stopped.</translation>
        </message>
        <message>
            <location filename="../../desktop/api/live.py" line="139" />
            <source>Le serveur a fermé le flux d'événements.</source>
            <translation>The server closed the event stream.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="96" />
            <location filename="../../desktop/ui/main_window.py" line="122" />
            <source>Amphi</source>
            <translation>Amphi</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="174" />
            <source>Connexion au serveur…</source>
            <translation>Connecting to the server…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="177" />
            <source>&amp;Fichier</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="178" />
            <source>Se &amp;déconnecter</source>
            <translation>Sign &amp;out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="181" />
            <source>&amp;Préférences…</source>
            <translation>&amp;Preferences…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="186" />
            <source>&amp;Quitter</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="191" />
            <source>&amp;Aide</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="192" />
            <source>&amp;Guide d'utilisation</source>
            <translation>User &amp;guide</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="196" />
            <source>À &amp;propos d'Amphi</source>
            <translation>&amp;About Amphi</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="318" />
            <source>Amphi — %1</source>
            <translation>Amphi — %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="330" />
            <source>Serveur : %1</source>
            <translation>Server: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="347" />
            <source>Réessayer maintenant</source>
            <translation>Retry now</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="348" />
            <source>Hors ligne</source>
            <translation>Offline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="366" />
            <source>nouvel essai dans %1 s.</source>
            <translation>retrying in %1 s.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="368" />
            <source>nouvel essai en cours…</source>
            <translation>retrying…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="377" />
            <source>En ligne — mises à jour en direct</source>
            <translation>Online — live updates</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="379" />
            <source>En ligne</source>
            <translation>Online</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="383" />
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="389" />
            <source>À propos d'Amphi</source>
            <translation>About Amphi</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="391" />
            <source>Amphi %1</source>
            <translation>Amphi %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="392" />
            <source>Choix des postes d'internat après les épreuves nationales, choix de stage en amphithéâtre et appariement des docteurs juniors.

Les règles de chaque procédure sont celles de l'agence qui l'organise.</source>
            <translation>Choice of internship posts after the national examinations, amphitheatre placement choice and matching of junior doctors.

The rules of each procedure are those of the agency that organises it.</translation>
        </message>
    </context>
    <context>
        <name>Matching</name>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="67" />
            <source>À venir</source>
            <translation>Coming soon</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="67" />
            <source>Candidatures des étudiants ouvertes</source>
            <translation>Student applications open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="67" />
            <source>En attente du classement</source>
            <translation>Waiting for the ranking</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="67" />
            <source>Classement des candidatures ouvert</source>
            <translation>Ranking of applications open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="67" />
            <source>Classement clos, résultats en préparation</source>
            <translation>Ranking closed, results being prepared</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="67" />
            <source>Tour hors plateforme</source>
            <translation>Off-platform round</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="67" />
            <source>Résultats publiés</source>
            <translation>Results published</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="67" />
            <source>Phase inconnue</source>
            <translation>Unknown phase</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="72" />
            <source>candidatures bientôt ouvertes</source>
            <translation>applications opening soon</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="72" />
            <source>candidatures ouvertes</source>
            <translation>applications open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="72" />
            <source>candidatures closes, classement par les responsables à venir</source>
            <translation>applications closed, ranking by the supervisors to come</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="72" />
            <source>candidatures closes, les responsables classent les candidatures</source>
            <translation>applications closed, the supervisors are ranking the applications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="72" />
            <source>candidatures closes, résultats en préparation</source>
            <translation>applications closed, results being prepared</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="72" />
            <source>tour hors plateforme</source>
            <translation>off-platform round</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="72" />
            <source>résultats publiés</source>
            <translation>results published</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="72" />
            <source>phase inconnue</source>
            <translation>unknown phase</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="87" />
            <source>CV</source>
            <translation>CV</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="87" />
            <source>Lettre de motivation</source>
            <translation>Cover letter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="87" />
            <source>Contrat de formation</source>
            <translation>Training agreement</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="87" />
            <source>Document</source>
            <translation>Document</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="92" />
            <source>Simple</source>
            <translation>Single</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="92" />
            <source>Couplé</source>
            <translation>Paired</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="92" />
            <source>Mixte</source>
            <translation>Mixed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="105" />
            <source>{k} poste(s) restant à attribuer sur les {n} poste(s) ouvert(s)</source>
            <translation>{k} post(s) left to allocate out of the {n} post(s) open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="111" />
            <source>{n} octets</source>
            <translation>{n} bytes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="113" />
            <source>{n} Ko</source>
            <translation>{n} KB</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="114" />
            <source>{n} Mo</source>
            <translation>{n} MB</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/common.py" line="119" />
            <source>{label} : {count}/{total} ({percent} %)</source>
            <translation>{label}: {count}/{total} ({percent}%)</translation>
        </message>
    </context>
    <context>
        <name>MatchingArea</name>
        <message>
            <location filename="../../desktop/areas/matching.py" line="97" />
            <source>Mes postes (appariement)</source>
            <translation>My posts (matching)</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/matching.py" line="101" />
            <source>Mes candidatures (appariement)</source>
            <translation>My applications (matching)</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/matching.py" line="105" />
            <source>Suivi de l'appariement</source>
            <translation>Matching overview</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/matching.py" line="108" />
            <source>Paramétrage de l'appariement</source>
            <translation>Matching set-up</translation>
        </message>
    </context>
    <context>
        <name>MatchingCalendarView</name>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="33" />
            <location filename="../../desktop/ui/matching/calendar_view.py" line="88" />
            <source>Vague</source>
            <translation>Wave</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="33" />
            <location filename="../../desktop/ui/matching/calendar_view.py" line="88" />
            <source>Tour</source>
            <translation>Round</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="34" />
            <location filename="../../desktop/ui/matching/calendar_view.py" line="88" />
            <source>Candidatures des étudiants</source>
            <translation>Students' applications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="35" />
            <location filename="../../desktop/ui/matching/calendar_view.py" line="88" />
            <source>Classement par les responsables</source>
            <translation>Ranking by the supervisors</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="36" />
            <location filename="../../desktop/ui/matching/calendar_view.py" line="88" />
            <source>Résultats</source>
            <translation>Results</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="36" />
            <location filename="../../desktop/ui/matching/calendar_view.py" line="88" />
            <source>Phase actuelle</source>
            <translation>Current phase</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="46" />
            <location filename="../../desktop/ui/matching/calendar_view.py" line="59" />
            <source>à fixer</source>
            <translation>to be set</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="47" />
            <source>du %1 au %2</source>
            <translation>from %1 to %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="52" />
            <source>Tour %1</source>
            <translation>Round %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="54" />
            <source>hors plateforme, %1</source>
            <translation>off the platform, %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="79" />
            <source>Les docteurs juniors candidatent aux terrains de stage, les responsables classent leurs candidats, puis l'appariement est calculé tour par tour. Heures de Paris.</source>
            <translation>Junior doctors apply to training posts, supervisors rank their candidates, then the matching is computed round by round. Paris time.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="111" />
            <source>Aucune campagne d'appariement n'est publiée sur ce serveur pour l'instant : ses vagues, ses tours et leurs dates apparaîtront ici dès que l'agence l'ouvrira.</source>
            <translation>No matching campaign is published on this server yet: its waves, rounds and their dates will appear here as soon as the agency opens it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="139" />
            <source>campagne close</source>
            <translation>campaign closed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="139" />
            <source>campagne ouverte</source>
            <translation>campaign open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/calendar_view.py" line="149" />
            <source>Le calendrier de cette campagne n'est pas encore fixé.</source>
            <translation>This campaign's calendar is not set yet.</translation>
        </message>
    </context>
    <context>
        <name>MatchingClosed</name>
        <message>
            <location filename="../../desktop/ui/matching/closed_page.py" line="59" />
            <source>ouverture de « Mes postes » (description des postes)</source>
            <translation>“My posts” opens (post descriptions)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/closed_page.py" line="63" />
            <source>tour {n}, hors plateforme</source>
            <translation>round {n}, off the platform</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/closed_page.py" line="67" />
            <source>tour {n} : ouverture des candidatures</source>
            <translation>round {n}: applications open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/closed_page.py" line="70" />
            <source>tour {n} : ouverture du classement</source>
            <translation>round {n}: ranking opens</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/closed_page.py" line="73" />
            <source>tour {n} : résultats</source>
            <translation>round {n}: results</translation>
        </message>
    </context>
    <context>
        <name>MatchingDashboards</name>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="41" />
            <source>Oui</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="41" />
            <source>Non</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="127" />
            <source>Tour {n} : {post}</source>
            <translation>Round {n}: {post}</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="182" />
            <source>{wave}, tour {n}</source>
            <translation>{wave}, round {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="187" />
            <source>Non affecté(e)</source>
            <translation>Not assigned</translation>
        </message>
    </context>
    <context>
        <name>MatchingPosts</name>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="62" />
            <source>Accès référent</source>
            <translation>Referent access</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="62" />
            <source>Accès lecture</source>
            <translation>Read-only access</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="63" />
            <source>{kind} : {access}</source>
            <translation>{kind}: {access}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="70" />
            <source>Pas de classement pour ce tour.</source>
            <translation>No ranking for this round.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="72" />
            <source>Tour %1 : aucune candidature pour l'instant.</source>
            <translation>Round %1: no applications yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="74" />
            <source>Tour %1 — %2 candidature(s) : %3 classée(s), %4 non retenue(s), %5 à classer — classement valide</source>
            <translation>Round %1 — %2 application(s): %3 ranked, %4 rejected, %5 to rank — ranking valid</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="76" />
            <source>Tour %1 — %2 candidature(s) : %3 classée(s), %4 non retenue(s), %5 à classer — classement non valide</source>
            <translation>Round %1 — %2 application(s): %3 ranked, %4 rejected, %5 to rank — ranking not valid</translation>
        </message>
    </context>
    <context>
        <name>MatchingRanking</name>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="79" />
            <source>DANS VOTRE SUBDIVISION</source>
            <translation>IN YOUR SUBDIVISION</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="81" />
            <source>DÉCALÉ</source>
            <translation>DEFERRED</translation>
        </message>
    </context>
    <context>
        <name>MatchingReceipts</name>
        <message>
            <location filename="../../desktop/models/matching_receipts.py" line="30" />
            <source>n° {n}</source>
            <translation>no. {n}</translation>
        </message>
    </context>
    <context>
        <name>MatchingRules</name>
        <message>
            <location filename="../../desktop/models/matching_rules.py" line="57" />
            <source>Il ne doit pas rester de candidatures non classées.</source>
            <translation>No applications may be left unranked.</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_rules.py" line="61" />
            <source>Au moins {pct} % des candidatures doivent être classées, soit {needed} sur {n}</source>
            <translation>At least {pct} % of the applications must be ranked, that is {needed} out of {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_rules.py" line="65" />
            <source> : refuser une candidature n'est possible qu'à partir de {floor} candidatures.</source>
            <translation>: refusing an application is only possible from {floor} applications upwards.</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_rules.py" line="68" />
            <source>Le premier rang du classement doit contenir un étudiant de votre subdivision ({subdivision}).</source>
            <translation>The first rank of the ranking must hold a student from your subdivision ({subdivision}).</translation>
        </message>
    </context>
    <context>
        <name>MatchingSetup</name>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="69" />
            <location filename="../../desktop/ui/matching/setup_view.py" line="328" />
            <source>Brouillon (invisible hors de l'agence)</source>
            <translation>Draft (invisible outside the agency)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="70" />
            <location filename="../../desktop/ui/matching/setup_view.py" line="328" />
            <source>Ouverte</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="71" />
            <location filename="../../desktop/ui/matching/setup_view.py" line="328" />
            <source>Close (plus aucune modification)</source>
            <translation>Closed (no more changes)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="74" />
            <source>Ouverture des candidatures</source>
            <translation>Applications open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="75" />
            <source>Clôture des candidatures</source>
            <translation>Applications close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="76" />
            <source>Ouverture du classement</source>
            <translation>Ranking opens</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="77" />
            <source>Clôture du classement</source>
            <translation>Ranking closes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="78" />
            <source>Résultats</source>
            <translation>Results</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="81" />
            <source>Début du tour hors plateforme</source>
            <translation>Off-platform round starts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="82" />
            <source>Fin du tour hors plateforme</source>
            <translation>Off-platform round ends</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="85" />
            <source>Ouverture de « Mes postes »</source>
            <translation>“My posts” opens</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="86" />
            <source>Clôture de « Mes postes »</source>
            <translation>“My posts” closes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="89" />
            <location filename="../../desktop/ui/matching/setup_view.py" line="377" />
            <source>Importer les RTS…</source>
            <translation>Import supervisors…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="90" />
            <location filename="../../desktop/ui/matching/setup_view.py" line="378" />
            <location filename="../../desktop/ui/matching/setup_view.py" line="387" />
            <source>RTS : nom, prénom, adresse électronique. Chaque nouveau RTS reçoit une invitation.</source>
            <translation>Supervisors: last name, first name, email address. Each new supervisor receives an invitation.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="92" />
            <location filename="../../desktop/ui/matching/setup_view.py" line="377" />
            <source>Importer les postes…</source>
            <translation>Import posts…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="93" />
            <location filename="../../desktop/ui/matching/setup_view.py" line="378" />
            <location filename="../../desktop/ui/matching/setup_view.py" line="387" />
            <source>Postes : numéro, spécialité, libellé, établissement, subdivision, adresse du RTS ; facultatifs : option, type (simple, couplé, mixte), second RTS, accès du second RTS, durée (6 ou 12 mois), places, semestre décalé, validé par l'ARS (oui / non).</source>
            <translation>Posts: number, specialty, label, establishment, subdivision, supervisor's address; optional: option, type (simple, coupled, mixed), second supervisor, second supervisor's access, duration (6 or 12 months), places, offset semester, validated by the ARS (yes / no).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="98" />
            <location filename="../../desktop/ui/matching/setup_view.py" line="377" />
            <source>Importer les internes…</source>
            <translation>Import interns…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="99" />
            <location filename="../../desktop/ui/matching/setup_view.py" line="378" />
            <location filename="../../desktop/ui/matching/setup_view.py" line="387" />
            <source>Internes : INE ou adresse électronique, spécialité, subdivision ; facultatif : semestre décalé (oui / non). Les identités doivent être importées auparavant.</source>
            <translation>Interns: INE or email address, specialty, subdivision; optional: offset semester (yes / no). Identities must be imported beforehand.</translation>
        </message>
    </context>
    <context>
        <name>MatchingSetupModels</name>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="70" />
            <source>{n} mois</source>
            <translation>{n} months</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="74" />
            <source>Oui</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="74" />
            <source>Non</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="105" />
            <source>Coordonnateur</source>
            <translation>Coordinator</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="105" />
            <source>RTS</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="112" />
            <source>jamais (invité)</source>
            <translation>never (invited)</translation>
        </message>
    </context>
    <context>
        <name>MatchingSync</name>
        <message>
            <location filename="../../desktop/sync/matching.py" line="177" />
            <location filename="../../desktop/sync/matching.py" line="188" />
            <location filename="../../desktop/sync/matching.py" line="298" />
            <location filename="../../desktop/sync/matching.py" line="308" />
            <source>Enregistrement…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/matching.py" line="201" />
            <source>un autre appareil</source>
            <translation>another device</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/matching.py" line="203" />
            <source>Ce classement venait d'être modifié ailleurs ({by}) : vos changements ont été réappliqués par-dessus et enregistrés.</source>
            <translation>This ranking had just been changed elsewhere ({by}): your changes were re-applied on top of it and saved.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/matching.py" line="210" />
            <source>Hors ligne : vos changements sont gardés sur cet ordinateur et seront envoyés au retour de la connexion.</source>
            <translation>Offline: your changes are kept on this computer and will be sent when the connection is back.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/matching.py" line="218" />
            <location filename="../../desktop/sync/matching.py" line="324" />
            <source>Non enregistré : {message}</source>
            <translation>Not saved: {message}</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/matching.py" line="229" />
            <location filename="../../desktop/sync/matching.py" line="332" />
            <source>Enregistré</source>
            <translation>Saved</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/matching.py" line="317" />
            <source>Hors ligne : vos candidatures sont gardées sur cet ordinateur et seront envoyées au retour de la connexion.</source>
            <translation>Offline: your applications are kept on this computer and will be sent when the connection is back.</translation>
        </message>
    </context>
    <context>
        <name>MessageDialog</name>
        <message>
            <location filename="../../desktop/ui/national/message_dialog.py" line="42" />
            <source>Envoyer un message</source>
            <translation>Send a message</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/message_dialog.py" line="48" />
            <source>Message à %1</source>
            <translation>Message to %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/message_dialog.py" line="49" />
            <source>Classé %1 · passage n° %2 · %3</source>
            <translation>Ranked %1 · passing no. %2 · %3</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/message_dialog.py" line="51" />
            <source>pas d'adresse électronique</source>
            <translation>no email address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/message_dialog.py" line="52" />
            <source>Il le verra dans Amphi dès maintenant (notification), le recevra par courriel et le retrouvera dans « Mon activité passée ».</source>
            <translation>The student sees it in Amphi right away (notification), receives it by email and finds it in « My past activity ».</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/message_dialog.py" line="57" />
            <source>Par exemple : votre tour approche, connectez-vous à Amphi ou appelez l'agence.</source>
            <translation>For example: your turn is coming, sign in to Amphi or call the agency.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/message_dialog.py" line="69" />
            <source>Annuler</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/message_dialog.py" line="73" />
            <source>Envoyer</source>
            <translation>Send</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/message_dialog.py" line="73" />
            <source>Envoi…</source>
            <translation>Sending…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/message_dialog.py" line="84" />
            <source>%1 / %2 caractères</source>
            <translation>%1 / %2 characters</translation>
        </message>
    </context>
    <context>
        <name>MyPostsView</name>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="357" />
            <location filename="../../desktop/ui/matching/posts_view.py" line="380" />
            <source>Mes postes</source>
            <translation>My posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="409" />
            <source>Aucune campagne d'appariement en cours.</source>
            <translation>No matching campaign in progress.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="429" />
            <source>Hors ligne : dernier état connu, du {when}.</source>
            <translation>Offline: last known state, from {when}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="452" />
            <source>Mes postes : {a} → {b}</source>
            <translation>My posts: {a} → {b}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="456" />
            <source>Tour {n} : {phase}</source>
            <translation>Round {n}: {phase}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="459" />
            <source>classement du {a} au {b}</source>
            <translation>ranking from {a} to {b}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="466" />
            <source>Vous n'avez aucun poste dans cette campagne.</source>
            <translation>You have no post in this campaign.</translation>
        </message>
    </context>
    <context>
        <name>NationalArea</name>
        <message>
            <location filename="../../desktop/areas/national.py" line="141" />
            <source>Mes vœux (choix national)</source>
            <translation>My wishes (national choice)</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/national.py" line="144" />
            <source>Tableaux publics</source>
            <translation>Public tables</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/national.py" line="146" />
            <source>Mes historiques</source>
            <translation>My history</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/national.py" line="148" />
            <source>Choix national (agence)</source>
            <translation>National choice (agency)</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/national.py" line="221" />
            <source>Aucune campagne nationale sur ce serveur.</source>
            <translation>No national campaign on this server.</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/national.py" line="294" />
            <source>Message de l'agence (%1)</source>
            <translation>Message from the agency (%1)</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/national.py" line="295" />
            <source>Message de l'agence</source>
            <translation>Message from the agency</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/national.py" line="297" />
            <source>%1 : %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/national.py" line="319" />
            <source>Vœux enregistrés — reçu %1</source>
            <translation>Wishes saved — receipt %1</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/national.py" line="367" />
            <source>Attestation d'affectation</source>
            <translation>Assignment certificate</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/national.py" line="384" />
            <source>Enregistrer mon attestation d'affectation</source>
            <translation>Save my assignment certificate</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/national.py" line="386" />
            <source>Document PDF (*.pdf)</source>
            <translation>PDF document (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/national.py" line="393" />
            <source>Le PDF n'a pas pu être enregistré : %1</source>
            <translation>The PDF could not be saved: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/areas/national.py" line="397" />
            <source>Attestation enregistrée : %1</source>
            <translation>Certificate saved: %1</translation>
        </message>
    </context>
    <context>
        <name>NationalSentences</name>
        <message>
            <location filename="../../desktop/ui/national/sentences.py" line="27" />
            <source>En %1 / %2 le vœu n° %5 à %3 en %4 permettra d'être affecté</source>
            <translation>In %1 / %2, wish no. %5 (%3, %4) would be granted</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/sentences.py" line="31" />
            <source>Le vœu n° %5 à %3 en %4 est celui sur lequel vous êtes définitivement affecté</source>
            <translation>Wish no. %5 (%3, %4) is the one you are definitively assigned to</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/sentences.py" line="35" />
            <source>Vous êtes définitivement affecté à %3 en %4</source>
            <translation>You are definitively assigned to %3, %4</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/sentences.py" line="37" />
            <source>Vous n'avez fait aucun vœu</source>
            <translation>You have made no wish</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/sentences.py" line="39" />
            <source>Aucun vœu n'est réalisable</source>
            <translation>None of your wishes can be granted</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/sentences.py" line="41" />
            <source>Aucun vœu n'était réalisable à votre tour</source>
            <translation>None of your wishes could be granted at your turn</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/sentences.py" line="43" />
            <source>Votre tour est passé sans affectation</source>
            <translation>Your turn passed without an assignment</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/sentences.py" line="55" />
            <source>%1 / %2 étudiants %3 validés au-dessus de moi ont fait au moins 1 vœu</source>
            <translation>%1 / %2 %3 students validated above me have made at least 1 wish</translation>
        </message>
    </context>
    <context>
        <name>NationalTables</name>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="164" />
            <location filename="../../desktop/models/national_tables.py" line="174" />
            <location filename="../../desktop/models/national_tables.py" line="191" />
            <source>Subdivision</source>
            <translation>Subdivision</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="165" />
            <location filename="../../desktop/models/national_tables.py" line="175" />
            <location filename="../../desktop/models/national_tables.py" line="192" />
            <source>Spécialité</source>
            <translation>Specialty</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="166" />
            <location filename="../../desktop/models/national_tables.py" line="176" />
            <source>Postes</source>
            <translation>Posts</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="167" />
            <source>Restants</source>
            <translation>Remaining</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="177" />
            <source>Pris</source>
            <translation>Taken</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="178" />
            <source>Premier rang</source>
            <translation>First rank</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="180" />
            <source>Dernier rang</source>
            <translation>Last rank</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="187" />
            <location filename="../../desktop/models/national_tables.py" line="263" />
            <source>Passage</source>
            <translation>Turn</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="188" />
            <location filename="../../desktop/models/national_tables.py" line="214" />
            <location filename="../../desktop/models/national_tables.py" line="264" />
            <source>Rang</source>
            <translation>Rank</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="190" />
            <source>Contingent</source>
            <translation>Pool</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="190" />
            <source>général</source>
            <translation>general</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="190" />
            <source>CESP</source>
            <translation>CESP</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="193" />
            <location filename="../../desktop/models/national_tables.py" line="216" />
            <source>Vœu n°</source>
            <translation>Wish no.</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="195" />
            <location filename="../../desktop/models/national_tables.py" line="218" />
            <source>État</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="201" />
            <source>choix validé</source>
            <translation>choice confirmed</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="201" />
            <source>affecté (absent)</source>
            <translation>assigned (absent)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="201" />
            <source>affecté par l'agence</source>
            <translation>assigned by the agency</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="201" />
            <source>aucun vœu réalisable</source>
            <translation>no achievable wish</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="201" />
            <source>tour passé</source>
            <translation>turn skipped</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="203" />
            <source>simulé</source>
            <translation>simulated</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="205" />
            <source>aucun vœu réalisable (simulation)</source>
            <translation>no achievable wish (simulation)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="207" />
            <source>affecté</source>
            <translation>assigned</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="208" />
            <source> — absent</source>
            <translation> — absent</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="213" />
            <source>Poste</source>
            <translation>Post</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="224" />
            <location filename="../../desktop/models/national_tables.py" line="246" />
            <source>Date et heure</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="225" />
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="225" />
            <source>ajout</source>
            <translation>added</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="225" />
            <source>suppression</source>
            <translation>deleted</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="225" />
            <source>déplacement</source>
            <translation>moved</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="225" />
            <source>liste remplacée</source>
            <translation>list replaced</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="226" />
            <source> (par l'agence)</source>
            <translation> (by the agency)</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="227" />
            <source>Vœu</source>
            <translation>Wish</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="229" />
            <source>De → à</source>
            <translation>From → to</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="230" />
            <location filename="../../desktop/models/national_tables.py" line="248" />
            <source>Nombre de vœux</source>
            <translation>Number of wishes</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="247" />
            <source>Code du reçu</source>
            <translation>Receipt code</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="250" />
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="256" />
            <source>Ligne</source>
            <translation>Row</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="257" />
            <source>Motif du rejet</source>
            <translation>Reason for rejection</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="266" />
            <source>Nom</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="267" />
            <source>Téléphone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="267" />
            <source>non renseigné</source>
            <translation>not provided</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="268" />
            <source>Compte</source>
            <translation>Account</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="268" />
            <location filename="../../desktop/models/national_tables.py" line="269" />
            <source>oui</source>
            <translation>yes</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="268" />
            <source>non</source>
            <translation>no</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_tables.py" line="269" />
            <source>Absent</source>
            <translation>Absent</translation>
        </message>
    </context>
    <context>
        <name>OutcomesTab</name>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="73" />
            <source>Tapez un nom, un INE…</source>
            <translation>Type a name, an INE…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="80" />
            <source>Étudiant :</source>
            <translation>Student:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="82" />
            <source>Poste obtenu :</source>
            <translation>Post obtained:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="84" />
            <source>Enregistrer l'affectation</source>
            <translation>Save the assignment</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="93" />
            <source>Affectations saisies pour ce tour</source>
            <translation>Assignments entered for this round</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="111" />
            <source>Supprimer la saisie sélectionnée (Suppr)</source>
            <translation>Delete the selected entry (Del)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="126" />
            <source>Ce tour se déroule hors plateforme : saisissez ici ce que chaque étudiant a obtenu, puis publiez les résultats du tour (bouton en haut de la page).</source>
            <translation>This round takes place off the platform: enter here what each student obtained, then publish the round's results (button at the top of the page).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="173" />
            <source>{n} affectation(s) saisie(s) ; {k} étudiant(s) encore sans saisie</source>
            <translation>{n} assignment(s) entered; {k} student(s) still without an entry</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="178" />
            <source>Les résultats de ce tour sont publiés : les saisies ne peuvent plus être modifiées.</source>
            <translation>The results of this round are published: the entries can no longer be changed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="181" />
            <source>La saisie s'ouvrira quand les résultats {rounds} auront été publiés : les places qu'ils attribuent doivent être connues.</source>
            <translation>Entry will open once the results {rounds} have been published: the places they allocate must be known.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="215" />
            <source>Choisissez d'abord l'étudiant</source>
            <translation>Choose the student first</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="219" />
            <source>Aucun poste : l'étudiant reste sans affectation</source>
            <translation>No post: the student remains without an assignment</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="228" />
            <source>{label} — {est} ({sub}) · {k} place(s) restante(s)</source>
            <translation>{label} — {est} ({sub}) · {k} place(s) left</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="266" />
            <source>Choisissez l'étudiant dans la liste.</source>
            <translation>Choose the student from the list.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="271" />
            <source>Choisissez le poste obtenu.</source>
            <translation>Choose the post obtained.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="282" />
            <source>sans affectation</source>
            <translation>no assignment</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="283" />
            <source>Enregistré : {name} — {what}.</source>
            <translation>Saved: {name} — {what}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="297" />
            <source>Supprimer l'affectation saisie pour {name} ?</source>
            <translation>Delete the assignment entered for {name}?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/outcomes_view.py" line="305" />
            <source>Saisie supprimée : {name}.</source>
            <translation>Entry deleted: {name}.</translation>
        </message>
    </context>
    <context>
        <name>PasswordResetDialog</name>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="49" />
            <source>Mot de passe oublié — Amphi</source>
            <translation>Forgotten password — Amphi</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="55" />
            <source>Mot de passe oublié</source>
            <translation>Forgotten password</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="56" />
            <source>Recevez un lien pour en choisir un nouveau.</source>
            <translation>Get a link to choose a new one.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="72" />
            <source>prenom.nom@exemple.fr</source>
            <translation>firstname.lastname@example.com</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="73" />
            <source>Adresse électronique de votre compte</source>
            <translation>Email address of your account</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="77" />
            <source>Annuler</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="80" />
            <source>Recevoir le lien</source>
            <translation>Get the link</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="80" />
            <source>Envoi…</source>
            <translation>Sending…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="97" />
            <source>https://…/pages/reset-password?token=…</source>
            <translation>https://…/pages/reset-password?token=…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="98" />
            <source>Lien ou code reçu</source>
            <translation>Link or code received</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="107" />
            <source>Nouveau mot de passe</source>
            <translation>New password</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="109" />
            <source>Confirmation</source>
            <translation>Confirmation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="121" />
            <source>Retour</source>
            <translation>Back</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="124" />
            <source>Changer le mot de passe</source>
            <translation>Change the password</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="125" />
            <source>Enregistrement…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/password_reset_dialog.py" line="150" />
            <source>Si un compte correspond à %1, un courriel vient de lui être envoyé. Ouvrez son lien pour choisir un nouveau mot de passe dans votre navigateur, ou collez-le ci-dessous.</source>
            <translation>If an account matches %1, an email has just been sent to it. Open its link to choose a new password in your browser, or paste it below.</translation>
        </message>
    </context>
    <context>
        <name>PostCard</name>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="102" />
            <source>Aucune option</source>
            <translation>No option</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="103" />
            <source>{n} mois</source>
            <translation>{n} months</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="104" />
            <source>n° {n}</source>
            <translation>no. {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="107" />
            <source>Décalé</source>
            <translation>Deferred</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="125" />
            <source>Affectation(s) du tour {n} : {names}</source>
            <translation>Assignment(s) of round {n}: {names}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="126" />
            <source>aucune</source>
            <translation>none</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="129" />
            <source>Classer les candidatures</source>
            <translation>Rank the applications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="130" />
            <source>Voir le classement</source>
            <translation>See the ranking</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="132" />
            <source>Détail du poste</source>
            <translation>Post details</translation>
        </message>
    </context>
    <context>
        <name>PostDetailView</name>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="164" />
            <source>← Mes postes</source>
            <translation>← My posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="173" />
            <source>Terrain de stage</source>
            <translation>Training site</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="178" />
            <source>Description du poste</source>
            <translation>Post description</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="182" />
            <source>Présentez le service, l'encadrement, les activités…</source>
            <translation>Describe the department, the supervision, the activities…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="186" />
            <source>Enregistrer la description</source>
            <translation>Save the description</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="193" />
            <source>Pièce jointe</source>
            <translation>Attachment</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="197" />
            <source>Déposer un fichier…</source>
            <translation>Upload a file…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="198" />
            <source>Ouvrir</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="199" />
            <source>Supprimer</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="205" />
            <source>PDF ou document bureautique (Word, Excel, PowerPoint, OpenDocument, RTF), 1,9 Mo au plus.</source>
            <translation>PDF or office document (Word, Excel, PowerPoint, OpenDocument, RTF), 1.9 MB at most.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="221" />
            <source>Second responsable : {name} ({access})</source>
            <translation>Second supervisor: {name} ({access})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="223" />
            <source>classe</source>
            <translation>ranks</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="224" />
            <source>lecture</source>
            <translation>read-only</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="226" />
            <source>Établissement : {v}</source>
            <translation>Hospital: {v}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="227" />
            <source>Responsable : {v}</source>
            <translation>Supervisor: {v}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="229" />
            <source>Spécialité : {v} — option : {o}</source>
            <translation>Specialty: {v} — option: {o}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="230" />
            <source>aucune</source>
            <translation>none</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="231" />
            <source>Type : {t} — durée : {d} mois — n° {n}</source>
            <translation>Type: {t} — length: {d} months — no. {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="234" />
            <source>Subdivision : {v}</source>
            <translation>Subdivision: {v}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="236" />
            <source>Semestre décalé</source>
            <translation>Deferred semester</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="238" />
            <source>Validé par l'agence</source>
            <translation>Validated by the agency</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="239" />
            <source>Pas encore validé par l'agence</source>
            <translation>Not yet validated by the agency</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="251" />
            <source>Vous pouvez personnaliser la description jusqu'à la fin de la période « Mes postes ».</source>
            <translation>You can customise the description until the end of the “My posts” period.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="253" />
            <source>La description n'est plus modifiable (hors période « Mes postes » ou accès en lecture).</source>
            <translation>The description can no longer be changed (outside the “My posts” period, or read-only access).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="264" />
            <source>{name} — {size}, déposé le {when}</source>
            <translation>{name} — {size}, uploaded on {when}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="266" />
            <source>Aucun fichier joint.</source>
            <translation>No file attached.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="284" />
            <source>✓ Description enregistrée</source>
            <translation>✓ Description saved</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="289" />
            <source>Choisir la pièce jointe</source>
            <translation>Choose the attachment</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="290" />
            <source>Documents (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.rtf)</source>
            <translation>Documents (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.rtf)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/posts_view.py" line="312" />
            <source>Fichier « {name} » déposé.</source>
            <translation>File “{name}” uploaded.</translation>
        </message>
    </context>
    <context>
        <name>PostsTableModel</name>
        <message>
            <location filename="../../desktop/models/matching_posts.py" line="74" />
            <source>Poste</source>
            <translation>Post</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_posts.py" line="74" />
            <source>Établissement</source>
            <translation>Hospital</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_posts.py" line="74" />
            <source>Subdivision</source>
            <translation>Subdivision</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_posts.py" line="74" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_posts.py" line="74" />
            <source>Durée</source>
            <translation>Length</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_posts.py" line="74" />
            <source>Places libres</source>
            <translation>Free places</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_posts.py" line="74" />
            <source>Mon choix</source>
            <translation>My choice</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_posts.py" line="92" />
            <source>décalé</source>
            <translation>deferred</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_posts.py" line="94" />
            <source>{n} mois</source>
            <translation>{n} months</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_posts.py" line="97" />
            <source>n° {n}</source>
            <translation>no. {n}</translation>
        </message>
    </context>
    <context>
        <name>PrintPreviewDialog</name>
        <message>
            <location filename="../../desktop/ui/printing.py" line="174" />
            <source>Aperçu avant impression — %1</source>
            <translation>Print preview — %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/printing.py" line="192" />
            <source>Enregistrer en PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/printing.py" line="196" />
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/printing.py" line="200" />
            <source>Imprimer…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/printing.py" line="220" />
            <source>Imprimer</source>
            <translation>Print</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <location filename="../../desktop/ui/printing.py" line="119" />
            <source>Le fichier n'a pas pu être enregistré : %1</source>
            <translation>The file could not be saved: %1</translation>
        </message>
    </context>
    <context>
        <name>ProfileView</name>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="88" />
            <source>Mon profil</source>
            <translation>My profile</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="112" />
            <source>Identité</source>
            <translation>Identity</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="117" />
            <source>Nom</source>
            <translation>Surname</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="117" />
            <source>Prénom</source>
            <translation>First name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="118" />
            <source>Date de naissance</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="119" />
            <source>Commune de naissance</source>
            <translation>Town of birth</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="120" />
            <source>Numéro INE</source>
            <translation>INE number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="120" />
            <source>Rôle</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="131" />
            <source>Ces informations viennent de l'agence : pour les corriger, contactez-la.</source>
            <translation>This information comes from the agency: to correct it, contact them.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="137" />
            <location filename="../../desktop/ui/profile_view.py" line="296" />
            <source>Mes procédures</source>
            <translation>My procedures</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="160" />
            <location filename="../../desktop/ui/profile_view.py" line="297" />
            <source>Vous ne participez à aucune procédure pour le moment.</source>
            <translation>You are not taking part in any procedure at the moment.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="166" />
            <source>Coordonnées</source>
            <translation>Contact details</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="176" />
            <source>Adresse électronique</source>
            <translation>Email address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="177" />
            <source>Une nouvelle adresse ne sert qu'une fois confirmée par le lien qui lui est envoyé.</source>
            <translation>A new address is only used once it has been confirmed with the link sent to it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="179" />
            <source>Téléphone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="180" />
            <source>Adresse postale</source>
            <translation>Postal address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="181" />
            <source>UFR</source>
            <translation>Medical school</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="193" />
            <source>Pendant l'amphi, l'adresse électronique ne peut pas changer ; le téléphone, l'adresse postale et l'UFR restent modifiables.</source>
            <translation>During the amphitheatre the email address cannot change; the phone number, postal address and faculty (UFR) can still be edited.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="198" />
            <source>Enregistrer les coordonnées</source>
            <translation>Save the contact details</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="199" />
            <location filename="../../desktop/ui/profile_view.py" line="235" />
            <location filename="../../desktop/ui/profile_view.py" line="269" />
            <source>Enregistrement…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="206" />
            <source>Question secrète</source>
            <translation>Secret question</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="213" />
            <source>Quel est le nom de votre premier animal de compagnie ?</source>
            <translation>What is the name of your first pet?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="213" />
            <source>Dans quelle ville vos parents se sont-ils rencontrés ?</source>
            <translation>In which town did your parents meet?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="213" />
            <source>Quel est le prénom de votre meilleur ami d'enfance ?</source>
            <translation>What is the first name of your best childhood friend?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="213" />
            <source>Quel était le nom de votre école primaire ?</source>
            <translation>What was the name of your primary school?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="217" />
            <source>Nouvelle question</source>
            <translation>New question</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="223" />
            <source>Réponse</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="224" />
            <source>Au moins 3 lettres ou chiffres.</source>
            <translation>At least 3 letters or digits.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="225" />
            <location filename="../../desktop/ui/profile_view.py" line="250" />
            <source>Mot de passe actuel</source>
            <translation>Current password</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="230" />
            <location filename="../../desktop/ui/profile_view.py" line="264" />
            <source>Non modifiable pendant l'amphi (voir en haut de la page).</source>
            <translation>Cannot be changed during the amphitheatre (see the top of the page).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="234" />
            <source>Modifier la question secrète</source>
            <translation>Change the secret question</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="242" />
            <source>Mot de passe</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="251" />
            <source>Nouveau mot de passe</source>
            <translation>New password</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="252" />
            <source>Confirmation</source>
            <translation>Confirmation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="262" />
            <source>Vos autres connexions ouvertes seront fermées.</source>
            <translation>Your other open sessions will be signed out.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="268" />
            <source>Changer le mot de passe</source>
            <translation>Change the password</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="278" />
            <source>%1 — identifiant : %2</source>
            <translation>%1 — username: %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="291" />
            <source>Procédures de l'agence</source>
            <translation>Agency procedures</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="292" />
            <source>Aucune procédure en cours.</source>
            <translation>No procedure in progress.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="306" />
            <source>Nouvelle adresse en attente de confirmation : %1. Suivez le lien qui lui a été envoyé ; d'ici là, %2 reste votre adresse.</source>
            <translation>New address awaiting confirmation: %1. Follow the link sent to it; until then, %2 remains your address.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="314" />
            <source>Question actuelle : %1</source>
            <translation>Current question: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="315" />
            <source>Aucune question secrète enregistrée.</source>
            <translation>No secret question saved.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="393" />
            <source>Coordonnées enregistrées. Un lien de confirmation a été envoyé à %1.</source>
            <translation>Contact details saved. A confirmation link has been sent to %1.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="397" />
            <source>Coordonnées enregistrées.</source>
            <translation>Contact details saved.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="416" />
            <source>Question secrète modifiée.</source>
            <translation>Secret question changed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/profile_view.py" line="437" />
            <source>Mot de passe changé. Vos autres connexions ont été fermées.</source>
            <translation>Password changed. Your other sessions have been signed out.</translation>
        </message>
    </context>
    <context>
        <name>PublicAmphiView</name>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="94" />
            <source>Amphithéâtre :</source>
            <translation>Amphitheatre:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="121" />
            <location filename="../../desktop/ui/amphi/public_view.py" line="148" />
            <source>Clic droit sur un poste : « Voir tous les postes de ce service ».</source>
            <translation>Right-click a post: “See all posts of this department”.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="126" />
            <source>Choisissez un amphithéâtre validé pour suivre sa séance.</source>
            <translation>Choose a validated amphitheatre to follow its session.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="134" />
            <source>Tous les postes du semestre, tous amphithéâtres confondus.</source>
            <translation>Every post of the semester, all amphitheatres together.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="137" />
            <source>Exporter (CSV)</source>
            <translation>Export (CSV)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="141" />
            <source>Exporter (Excel)</source>
            <translation>Export (Excel)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="151" />
            <source>Séances et liste d'appel</source>
            <translation>Sessions and call list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="152" />
            <source>Postes</source>
            <translation>Posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="153" />
            <source>Séance en direct</source>
            <translation>Live session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="154" />
            <source>Affectations</source>
            <translation>Assignments</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="155" />
            <source>Offre du semestre</source>
            <translation>Semester's offer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="176" />
            <source>Aucun choix de stage en amphithéâtre n'est publié sur ce serveur pour l'instant : les amphithéâtres, leurs postes, leurs listes d'appel et leurs séances apparaîtront ici dès que l'agence les publiera.</source>
            <translation>No amphitheatre choice is published on this server yet: the amphitheatres, their posts, call lists and sessions will appear here as soon as the agency publishes them.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="211" />
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="216" />
            <source>Aucun amphithéâtre n'est encore créé pour cette campagne.</source>
            <translation>No amphitheatre has been created for this campaign yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="229" />
            <source>Aucun poste publié pour l'instant : les postes d'un amphithéâtre sont publiés quand l'agence le valide.</source>
            <translation>No post published yet: an amphitheatre's posts are published when the agency validates it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="234" />
            <source>Tous les postes du semestre, tous amphithéâtres validés confondus : %1 postes, %2 libres.</source>
            <translation>Every post of the semester, all validated amphitheatres together: %1 posts, %2 free.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="251" />
            <source>Cet amphithéâtre n'est pas encore validé par l'agence : ses postes, sa liste d'appel et sa séance seront publiés à sa validation.</source>
            <translation>This amphitheatre is not validated by the agency yet: its posts, call list and session will be published once it is.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="274" />
            <source>ouverture le %1</source>
            <translation>opens on %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="275" />
            <source>%1 internes</source>
            <translation>%1 interns</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="276" />
            <source>%1 postes, %2 libres</source>
            <translation>%1 posts, %2 free</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="279" />
            <source>pas encore validé par l'agence : postes et liste d'appel à venir</source>
            <translation>not validated by the agency yet: posts and call list to come</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="365" />
            <source>Enregistrer l'offre du semestre</source>
            <translation>Save the semester's offer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/amphi/public_view.py" line="373" />
            <source>Offre du semestre enregistrée (%1 postes) : %2</source>
            <translation>Semester's offer saved (%1 posts): %2</translation>
        </message>
    </context>
    <context>
        <name>PublicSpace</name>
        <message>
            <location filename="../../desktop/areas/public.py" line="76" />
            <source>Aucun choix national n'est publié sur ce serveur pour l'instant : les tableaux publics (dispo finale, rangs limites, radar, listing) apparaîtront ici dès que l'agence ouvrira la campagne.</source>
            <translation>No national choice is published on this server yet: the public tables (final availability, rank limits, radar, listing) will appear here as soon as the agency opens the campaign.</translation>
        </message>
    </context>
    <context>
        <name>PublicWindow</name>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="50" />
            <source>Amphi — consultation sans compte</source>
            <translation>Amphi — browsing without an account</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="60" />
            <source>Espace public</source>
            <translation>Public space</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="65" />
            <source>Se connecter</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="67" />
            <source>Revenir à la fenêtre de connexion</source>
            <translation>Back to the sign-in window</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="79" />
            <source>Choix national</source>
            <translation>National choice</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="80" />
            <source>Amphithéâtres</source>
            <translation>Amphitheatres</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="81" />
            <source>Appariement — calendrier</source>
            <translation>Matching — calendar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="94" />
            <source>Connexion au serveur…</source>
            <translation>Connecting to the server…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="99" />
            <source>&amp;Fichier</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="100" />
            <source>Se &amp;connecter…</source>
            <translation>&amp;Sign in…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="104" />
            <source>&amp;Quitter</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="109" />
            <source>&amp;Aide</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="110" />
            <source>&amp;Guide d'utilisation</source>
            <translation>User &amp;guide</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="118" />
            <source>Vous consultez sans compte les informations publiques de %1, mises à jour en direct. Rien de personnel n'est affiché ; connectez-vous pour vos vœux, vos favoris et votre tour.</source>
            <translation>You are browsing the public information of %1 without an account, updated live. Nothing personal is shown; sign in for your wishes, your favourites and your turn.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="122" />
            <source>Serveur : %1</source>
            <translation>Server: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="135" />
            <source>Réessayer maintenant</source>
            <translation>Try again now</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="136" />
            <source>Hors ligne</source>
            <translation>Offline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="141" />
            <source>En ligne — mises à jour en direct</source>
            <translation>Online — live updates</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/public_window.py" line="143" />
            <source>En ligne</source>
            <translation>Online</translation>
        </message>
    </context>
    <context>
        <name>RankingView</name>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="154" />
            <source>← Mes postes</source>
            <translation>← My posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="183" />
            <source>&amp;Classer</source>
            <translation>&amp;Rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="184" />
            <source>Ajouter à la fin du classement (Ctrl+→ depuis les non classées, Alt+C)</source>
            <translation>Add at the end of the ranking (Ctrl+→ from the unranked ones, Alt+C)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="187" />
            <source>Monter d'un rang (Ctrl+Haut)</source>
            <translation>Move up one rank (Ctrl+Up)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="188" />
            <source>Monter</source>
            <translation>Up</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="190" />
            <source>Descendre d'un rang (Ctrl+Bas)</source>
            <translation>Move down one rank (Ctrl+Down)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="191" />
            <source>Descendre</source>
            <translation>Down</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="194" />
            <source>rang </source>
            <translation>rank </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="195" />
            <source>Rang à donner</source>
            <translation>Rank to give</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="196" />
            <source>&amp;Placer à ce rang</source>
            <translation>&amp;Place at this rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="197" />
            <source>&amp;Refuser</source>
            <translation>&amp;Refuse</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="198" />
            <source>Refuser la candidature (Ctrl+→ depuis les classées, Alt+R)</source>
            <translation>Refuse the application (Ctrl+→ from the ranked ones, Alt+R)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="201" />
            <source>Remettre en &amp;non classé</source>
            <translation>Put back as &amp;unranked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="202" />
            <source>Remettre en non classé (Ctrl+← depuis les classées, Alt+N)</source>
            <translation>Put back as unranked (Ctrl+← from the ranked ones, Alt+N)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="220" />
            <source>Glissez les candidatures vers « Classées » ou « Non retenues » (au clavier : Ctrl+→).</source>
            <translation>Drag the applications to “Ranked” or “Not accepted” (with the keyboard: Ctrl+→).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="220" />
            <source>Du premier choix (en haut) au dernier ; Ctrl+↑/↓ déplace.</source>
            <translation>From the first choice (at the top) to the last; Ctrl+↑/↓ moves.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="220" />
            <source>Ces candidatures ne seront pas retenues sur ce poste.</source>
            <translation>These applications will not be accepted for this post.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="260" />
            <source>Dossier du candidat</source>
            <translation>Applicant's file</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="262" />
            <source>Choisissez une candidature pour voir le dossier.</source>
            <translation>Choose an application to see the file.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="267" />
            <source>Pas de texte de présentation.</source>
            <translation>No personal statement.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="272" />
            <source>Observations privées</source>
            <translation>Private notes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="273" />
            <source>Visibles par les seuls responsables du poste, jamais par les étudiants.</source>
            <translation>Visible only to the post's supervisors, never to students.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="276" />
            <source>Vos notes sur cette candidature…</source>
            <translation>Your notes on this application…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="301" />
            <source>Hors ligne : dernier état connu affiché ; vos changements seront envoyés au retour de la connexion.</source>
            <translation>Offline: last known state shown; your changes will be sent when the connection is back.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="307" />
            <source>Enregistré</source>
            <translation>Saved</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="322" />
            <source>Lecture seule : le responsable référent classe ce poste.</source>
            <translation>Read-only: the lead supervisor ranks this post.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="324" />
            <source>Lecture seule : {phase}.</source>
            <translation>Read-only: {phase}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="327" />
            <source>{n} place(s) à pourvoir dans ce tour</source>
            <translation>{n} place(s) to fill in this round</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="330" />
            <source>Tour {n}</source>
            <translation>Round {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="418" />
            <source>Non classées</source>
            <translation>Unranked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="418" />
            <source>Classées</source>
            <translation>Ranked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="418" />
            <source>Non retenues</source>
            <translation>Not accepted</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="441" />
            <source>Aucune candidature sur ce poste pour ce tour.</source>
            <translation>No applications for this post in this round.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="445" />
            <source>✓ Classement valide : il sera pris en compte pour l'appariement.</source>
            <translation>✓ Valid ranking: it will be used for the matching.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="450" />
            <source>Classement non valide — ce poste ne participera pas à l'appariement tant que ces règles ne sont pas respectées :</source>
            <translation>Ranking not valid — this post will not take part in the matching until these rules are met:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="456" />
            <source>✓ Enregistré</source>
            <translation>✓ Saved</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="456" />
            <source>Enregistrement…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="457" />
            <source>Hors ligne — gardé sur cet ordinateur</source>
            <translation>Offline — kept on this computer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="458" />
            <source>Non enregistré</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="507" />
            <source>Classement mis à jour par {by}.</source>
            <translation>Ranking updated by {by}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="535" />
            <source>DANS VOTRE SUBDIVISION</source>
            <translation>IN YOUR SUBDIVISION</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="537" />
            <source>semestre décalé</source>
            <translation>deferred semester</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="559" />
            <source>Aucun document déposé.</source>
            <translation>No documents uploaded.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="561" />
            <source>Ouvrir : {kind} ({name})</source>
            <translation>Open: {kind} ({name})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="581" />
            <source>Modification…</source>
            <translation>Changing…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/ranking_view.py" line="607" />
            <source>✓ Observation enregistrée</source>
            <translation>✓ Note saved</translation>
        </message>
    </context>
    <context>
        <name>ReceiptsDialog</name>
        <message>
            <location filename="../../desktop/ui/matching/receipts_dialog.py" line="41" />
            <source>Mes reçus de candidatures</source>
            <translation>My application receipts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/receipts_dialog.py" line="44" />
            <source>Chaque enregistrement de votre liste reçoit un reçu signé par le serveur. Notez son code : il prouve ce que vous avez enregistré, et quand.</source>
            <translation>Each save of your list gets a receipt signed by the server. Note its code: it proves what you saved, and when.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/receipts_dialog.py" line="62" />
            <source>Vérifier le reçu sélectionné</source>
            <translation>Verify the selected receipt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/receipts_dialog.py" line="84" />
            <source>Aucun reçu : votre liste n'a pas encore été enregistrée dans ce tour.</source>
            <translation>No receipt: your list has not been saved in this round yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/receipts_dialog.py" line="95" />
            <source>Sélectionnez d'abord un reçu.</source>
            <translation>Select a receipt first.</translation>
        </message>
    </context>
    <context>
        <name>RegistrationDialog</name>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="50" />
            <location filename="../../desktop/ui/registration_dialog.py" line="220" />
            <source>Quel est le nom de votre premier animal de compagnie ?</source>
            <translation>What is the name of your first pet?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="52" />
            <location filename="../../desktop/ui/registration_dialog.py" line="220" />
            <source>Dans quelle ville vos parents se sont-ils rencontrés ?</source>
            <translation>In which town did your parents meet?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="54" />
            <location filename="../../desktop/ui/registration_dialog.py" line="220" />
            <source>Quel est le prénom de votre meilleur ami d'enfance ?</source>
            <translation>What is the first name of your best childhood friend?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="56" />
            <location filename="../../desktop/ui/registration_dialog.py" line="220" />
            <source>Quel était le nom de votre école primaire ?</source>
            <translation>What was the name of your primary school?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="105" />
            <source>Créer mon compte — Amphi</source>
            <translation>Create my account — Amphi</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="111" />
            <location filename="../../desktop/ui/registration_dialog.py" line="254" />
            <source>Créer mon compte</source>
            <translation>Create my account</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="149" />
            <source>Saisissez votre identité telle que l'agence la connaît. Indiquez votre commune de naissance ou votre numéro INE (saisissez 0000 si vous n'en avez pas).</source>
            <translation>Enter your identity as the agency knows it. Give your town of birth or your INE number (enter 0000 if you have none).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="157" />
            <source>Nom de naissance</source>
            <translation>Surname at birth</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="159" />
            <source>Prénom</source>
            <translation>First name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="162" />
            <source>JJ/MM/AAAA</source>
            <translation>DD/MM/YYYY</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="164" />
            <source>Date de naissance</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="168" />
            <source>ex. 0123456789A</source>
            <translation>e.g. 0123456789A</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="171" />
            <source>Commune de naissance</source>
            <translation>Town of birth</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="173" />
            <source>Numéro INE</source>
            <translation>INE number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="176" />
            <source>Annuler</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="179" />
            <source>Continuer</source>
            <translation>Continue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="179" />
            <source>Vérification…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="192" />
            <source>prenom.nom@exemple.fr</source>
            <translation>firstname.lastname@example.com</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="194" />
            <source>la même adresse</source>
            <translation>the same address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="197" />
            <source>Adresse électronique</source>
            <translation>Email address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="198" />
            <source>Un lien de confirmation y sera envoyé.</source>
            <translation>A confirmation link will be sent to it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="199" />
            <source>Recopiez l'adresse</source>
            <translation>Type the address again</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="201" />
            <source>Une faute de frappe vous priverait du lien.</source>
            <translation>A typo would keep the link from reaching you.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="209" />
            <source>Mot de passe</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="211" />
            <source>Confirmation</source>
            <translation>Confirmation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="222" />
            <source>Question secrète</source>
            <translation>Secret question</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="224" />
            <source>Choisissez une question ou écrivez la vôtre.</source>
            <translation>Choose a question or write your own.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="228" />
            <source>Réponse secrète</source>
            <translation>Secret answer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="229" />
            <source>Au moins 3 lettres ou chiffres ; majuscules et minuscules sont équivalentes. Elle vous sera demandée à l'entrée de l'amphithéâtre.</source>
            <translation>At least 3 letters or digits; upper and lower case are the same. You will be asked for it when you enter the amphitheatre.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="233" />
            <source>Téléphone (facultatif)</source>
            <translation>Phone (optional)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="241" />
            <source>J'ai lu et j'accepte les conditions d'utilisation</source>
            <translation>I have read and accept the terms of use</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="244" />
            <source>Lire les conditions…</source>
            <translation>Read the terms…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="251" />
            <source>Retour</source>
            <translation>Back</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="254" />
            <source>Création…</source>
            <translation>Creating…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="271" />
            <source>Renvoyer le lien</source>
            <translation>Send the link again</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="271" />
            <source>Envoi…</source>
            <translation>Sending…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="280" />
            <source>https://…/pages/confirm-email?token=…</source>
            <translation>https://…/pages/confirm-email?token=…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="283" />
            <source>Lien reçu (facultatif)</source>
            <translation>Link received (optional)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="284" />
            <source>Ouvrir le lien dans votre navigateur suffit ; vous pouvez aussi le coller ici.</source>
            <translation>Opening the link in your browser is enough; you may also paste it here.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="286" />
            <source>Confirmer</source>
            <translation>Confirm</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="286" />
            <source>Confirmation…</source>
            <translation>Confirming…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="293" />
            <source>Aller à la connexion</source>
            <translation>Go to sign-in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="307" />
            <source>Votre identité</source>
            <translation>Your identity</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="308" />
            <source>Votre compte</source>
            <translation>Your account</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="309" />
            <source>Confirmez votre adresse</source>
            <translation>Confirm your address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="311" />
            <source>Étape %1 sur 3 : %2</source>
            <translation>Step %1 of 3: %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="343" />
            <source>Date de naissance invalide : utilisez le format JJ/MM/AAAA.</source>
            <translation>Invalid date of birth: use the DD/MM/YYYY format.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="370" />
            <source>Identité reconnue : %1 %2, né(e) le %3. Choisissez maintenant vos identifiants.</source>
            <translation>Identity recognised: %1 %2, born on %3. Now choose your sign-in details.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="403" />
            <source>Votre compte est créé. Un lien de confirmation vient d'être envoyé à %1 : ouvrez-le pour activer votre compte, puis connectez-vous. Seul le dernier lien envoyé est valide.</source>
            <translation>Your account has been created. A confirmation link has just been sent to %1: open it to activate your account, then sign in. Only the last link sent is valid.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="437" />
            <source>Nouveau lien envoyé à %1. Les liens précédents ne fonctionnent plus.</source>
            <translation>New link sent to %1. The previous links no longer work.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="445" />
            <source>Étape 3 sur 3 : adresse confirmée</source>
            <translation>Step 3 of 3: address confirmed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="446" />
            <source>Votre adresse %1 est confirmée et votre compte est actif. Connectez-vous maintenant avec cette adresse et votre mot de passe.</source>
            <translation>Your address %1 is confirmed and your account is active. Sign in now with this address and your password.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="450" />
            <source>Adresse %1 confirmée : vous pouvez vous connecter.</source>
            <translation>Address %1 confirmed: you can sign in.</translation>
        </message>
    </context>
    <context>
        <name>RowsModel</name>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <source>Étudiant</source>
            <translation>Student</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <source>INE</source>
            <translation>INE</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <location filename="../../desktop/models/matching_setup.py" line="65" />
            <source>Spécialité</source>
            <translation>Specialty</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <location filename="../../desktop/models/matching_setup.py" line="66" />
            <source>Subdivision</source>
            <translation>Subdivision</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <source>Connexion</source>
            <translation>Sign-in</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <location filename="../../desktop/models/matching_receipts.py" line="31" />
            <source>Candidatures</source>
            <translation>Applications</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <source>Suffisantes</source>
            <translation>Sufficient</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <source>Décalé</source>
            <translation>Deferred</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <source>Affectation</source>
            <translation>Assignment</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <source>Numéro</source>
            <translation>Number</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <source>Poste</source>
            <translation>Post</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <location filename="../../desktop/models/matching_setup.py" line="68" />
            <source>RTS</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <location filename="../../desktop/models/matching_setup.py" line="69" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <location filename="../../desktop/models/matching_setup.py" line="72" />
            <source>Places</source>
            <translation>Places</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <source>Affectations</source>
            <translation>Assignments</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <source>Connexion RTS</source>
            <translation>Supervisor sign-in</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <source>Classement valide</source>
            <translation>Valid ranking</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <location filename="../../desktop/models/matching_setup.py" line="73" />
            <source>Validé par l'ARS</source>
            <translation>Validated by the ARS</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <source>Derniers changements</source>
            <translation>Latest changes</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <source>Tour</source>
            <translation>Round</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_dashboards.py" line="69" />
            <source>Publié</source>
            <translation>Published</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_receipts.py" line="26" />
            <source>Date et heure</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_receipts.py" line="28" />
            <source>Code du reçu</source>
            <translation>Receipt code</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_receipts.py" line="29" />
            <source>Enregistrement</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="31" />
            <source>Ligne</source>
            <translation>Line</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="32" />
            <source>Motif du rejet</source>
            <translation>Reason for rejection</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="61" />
            <source>N°</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="62" />
            <source>Libellé</source>
            <translation>Label</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="63" />
            <source>Établissement</source>
            <translation>Establishment</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="70" />
            <source>Durée</source>
            <translation>Duration</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="103" />
            <source>Nom</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="104" />
            <source>Rôle</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="106" />
            <source>Adresse électronique</source>
            <translation>Email address</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="108" />
            <source>Postes</source>
            <translation>Posts</translation>
        </message>
        <message>
            <location filename="../../desktop/models/matching_setup.py" line="111" />
            <source>Dernière connexion</source>
            <translation>Last sign-in</translation>
        </message>
    </context>
    <context>
        <name>SecretStore</name>
        <message>
            <location filename="../../desktop/credentials.py" line="56" />
            <source>Aucun trousseau sécurisé n'est disponible sur cet ordinateur : la session ne sera pas mémorisée après la fermeture d'Amphi.</source>
            <translation>No secure keyring is available on this computer: the session will not be remembered after Amphi is closed.</translation>
        </message>
        <message>
            <location filename="../../desktop/credentials.py" line="70" />
            <source>Le trousseau sécurisé de cet ordinateur a refusé l'accès : la session ne sera pas mémorisée après la fermeture d'Amphi.</source>
            <translation>This computer's secure keyring refused access: the session will not be remembered after Amphi is closed.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="29" />
            <source>Préférences</source>
            <translation>Preferences</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="33" />
            <source>Langue de l'interface</source>
            <translation>Interface language</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="35" />
            <source>français</source>
            <translation>French</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="35" />
            <source>anglais</source>
            <translation>English</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="38" />
            <source>Celle du système (%1)</source>
            <translation>The system's language (%1)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="48" />
            <source>Le changement de langue s'applique au prochain démarrage d'Amphi.</source>
            <translation>The new language applies the next time Amphi starts.</translation>
        </message>
    </context>
    <context>
        <name>SetupView</name>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="284" />
            <source>Appariement — paramétrage de la campagne</source>
            <translation>Matching — campaign set-up</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="292" />
            <source>Aucune campagne d'appariement</source>
            <translation>No matching campaign</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="293" />
            <source>Créez la campagne : elle reste un brouillon, invisible des internes et des responsables, jusqu'à ce que vous l'ouvriez.</source>
            <translation>Create the campaign: it stays a draft, invisible to interns and supervisors, until you open it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="296" />
            <source>Créer une campagne…</source>
            <translation>Create a campaign…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="306" />
            <source>Calendrier</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="307" />
            <source>Imports</source>
            <translation>Imports</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="308" />
            <source>Postes</source>
            <translation>Posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="309" />
            <source>Coordonnateurs et RTS</source>
            <translation>Coordinators and supervisors</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="325" />
            <source>État de la campagne :</source>
            <translation>Campaign state:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="331" />
            <source>Appliquer</source>
            <translation>Apply</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="338" />
            <source>Vague / tour</source>
            <translation>Wave / round</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="338" />
            <source>Phase actuelle</source>
            <translation>Current phase</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="339" />
            <source>« Mes postes » / candidatures</source>
            <translation>“My posts” / applications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="340" />
            <source>Classement</source>
            <translation>Ranking</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="340" />
            <source>Résultats</source>
            <translation>Results</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="345" />
            <source>Aucune vague : ajoutez-en une, puis ses tours (1 et 2 sur la plateforme, 3 hors plateforme) avec leurs dates.</source>
            <translation>No wave: add one, then its rounds (1 and 2 on the platform, 3 off it) with their dates.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="350" />
            <source>Ajouter une vague…</source>
            <translation>Add a wave…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="352" />
            <source>Ajouter un tour…</source>
            <translation>Add a round…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="354" />
            <source>Modifier les dates…</source>
            <translation>Change the dates…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="368" />
            <source>Vague des postes et des internes :</source>
            <translation>Wave of the posts and interns:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="377" />
            <source>Import…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="382" />
            <source>Vérifier seulement (ne rien importer)</source>
            <translation>Check only (import nothing)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="388" />
            <source>Fichiers CSV (séparateur « ; », « , » ou tabulation ; UTF-8 ou Windows) ou Excel (.xlsx), la première ligne donnant les colonnes. Les lignes refusées sont listées avec leur motif et ne changent rien ; les autres sont importées.</source>
            <translation>CSV files (“;”, “,” or tab separated; UTF-8 or Windows) or Excel (.xlsx), the first line naming the columns. Rejected lines are listed with their reason and change nothing; the others are imported.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="409" />
            <source>Numéro, libellé, établissement, RTS…</source>
            <translation>Number, label, establishment, supervisor…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="412" />
            <source>Non validés seulement</source>
            <translation>Not validated only</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="430" />
            <source>Valider par l'ARS</source>
            <translation>Validate (ARS)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="431" />
            <source>Retirer la validation</source>
            <translation>Withdraw validation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="448" />
            <source>Les coordonnateurs suivent la campagne et publient les résultats ; les RTS décrivent et classent leurs postes. Chacun reçoit par courriel une invitation avec un lien de connexion.</source>
            <translation>Coordinators follow the campaign and publish the results; supervisors describe and rank their posts. Each receives an invitation with a sign-in link by email.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="459" />
            <source>Inviter un coordonnateur ou un RTS…</source>
            <translation>Invite a coordinator or a supervisor…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="500" />
            <source>Aucune campagne d'appariement pour l'instant.</source>
            <translation>No matching campaign yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="503" />
            <source>{name} — {state}</source>
            <translation>{name} — {state}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="508" />
            <source>Toutes les vagues</source>
            <translation>All waves</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="530" />
            <source>Heure de Paris ; l'année n'est écrite que si ce n'est pas {year}.</source>
            <translation>Paris time; the year is only written when it is not {year}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="535" />
            <source>« Mes postes » : sans dates</source>
            <translation>“My posts”: no dates</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="537" />
            <source>« Mes postes » : {span}</source>
            <translation>“My posts”: {span}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="541" />
            <source>« Mes postes » ouvert</source>
            <translation>“My posts” open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="542" />
            <source>« Mes postes » fermé</source>
            <translation>“My posts” closed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="547" />
            <source>Tour {n} (hors plateforme)</source>
            <translation>Round {n} (off the platform)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="551" />
            <source>Tour {n}</source>
            <translation>Round {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="575" />
            <source>{shown} poste(s) affiché(s) sur {total} ; {ok} validé(s) par l'ARS</source>
            <translation>{shown} post(s) shown of {total}; {ok} validated by the ARS</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="581" />
            <source>{c} coordonnateur(s), {s} RTS ; {n} jamais connecté(s)</source>
            <translation>{c} coordinator(s), {s} supervisor(s); {n} never signed in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="635" />
            <source>Nouvelle campagne d'appariement</source>
            <translation>New matching campaign</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="636" />
            <source>Nom de la campagne :</source>
            <translation>Campaign name:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="642" />
            <source>Campagne créée (brouillon).</source>
            <translation>Campaign created (draft).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="656" />
            <source>État de la campagne modifié.</source>
            <translation>Campaign state changed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="662" />
            <source>Nouvelle vague</source>
            <translation>New wave</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="663" />
            <source>Vague {n}</source>
            <translation>Wave {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="672" />
            <source>Vague « {name} » ajoutée.</source>
            <translation>Wave “{name}” added.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="682" />
            <source>Nouveau tour — {wave}</source>
            <translation>New round — {wave}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="693" />
            <source>Tour {n} ajouté.</source>
            <translation>Round {n} added.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="699" />
            <source>Choisissez d'abord une vague ou un tour.</source>
            <translation>Choose a wave or a round first.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="706" />
            <source>Vague « {name} »</source>
            <translation>Wave “{name}”</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="719" />
            <source>{wave} — tour {n}</source>
            <translation>{wave} — round {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="726" />
            <source>Vague modifiée.</source>
            <translation>Wave changed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="730" />
            <source>Dates du tour modifiées.</source>
            <translation>Round dates changed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="736" />
            <source>Choisir le fichier à importer</source>
            <translation>Choose the file to import</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="737" />
            <source>Tableaux (*.csv *.xlsx *.txt);;Tous les fichiers (*)</source>
            <translation>Spreadsheets (*.csv *.xlsx *.txt);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="751" />
            <source>Ajoutez d'abord une vague.</source>
            <translation>Add a wave first.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="759" />
            <source>{file} : {message}</source>
            <translation>{file}: {message}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="768" />
            <source>{file} : {lines} ligne(s) lue(s), {created} créée(s), {updated} mise(s) à jour, {unchanged} inchangée(s), {rejected} refusée(s).</source>
            <translation>{file}: {lines} line(s) read, {created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="773" />
            <source> {n} invitation(s) envoyée(s).</source>
            <translation> {n} invitation(s) sent.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="775" />
            <source> Vérification seulement : rien n'a été importé.</source>
            <translation> Check only: nothing was imported.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="796" />
            <source>Sélectionnez des postes dans le tableau.</source>
            <translation>Select posts in the table.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="812" />
            <source>{n} poste(s) validé(s) par l'ARS.</source>
            <translation>{n} post(s) validated by the ARS.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="813" />
            <source>Validation retirée pour {n} poste(s).</source>
            <translation>Validation withdrawn for {n} post(s).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/setup_view.py" line="841" />
            <source>Invitation envoyée à {email}.</source>
            <translation>Invitation sent to {email}.</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="71" />
            <source>Connexion — Amphi</source>
            <translation>Sign in — Amphi</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="91" />
            <source>Amphi</source>
            <translation>Amphi</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="92" />
            <source>Choix des postes d'internat et des stages, appariement des docteurs juniors</source>
            <translation>Choice of internship posts and placements, matching of junior doctors</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="103" />
            <source>Choisir un compte de démonstration…</source>
            <translation>Choose a demo account…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="107" />
            <source>Compte de démonstration</source>
            <translation>Demo account</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="110" />
            <source>prenom.nom@exemple.fr</source>
            <translation>firstname.lastname@example.com</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="112" />
            <source>Adresse électronique</source>
            <translation>Email address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="117" />
            <source>Mot de passe</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="120" />
            <source>Se souvenir de moi</source>
            <translation>Remember me</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="122" />
            <source>Procuration : je choisis pour un interne</source>
            <translation>Proxy: I am choosing for an intern</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="123" />
            <source>Adresse indiquée par l'interne et mot de passe choisi sur la page de validation de la procuration.</source>
            <translation>Address given by the intern and the password chosen on the proxy validation page.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="131" />
            <source>Garde la session dans le trousseau sécurisé de cet ordinateur (jamais le mot de passe).</source>
            <translation>Keeps the session in this computer's secure keyring (never the password).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="140" />
            <source>Se connecter</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="140" />
            <location filename="../../desktop/ui/signin_dialog.py" line="168" />
            <source>Connexion…</source>
            <translation>Signing in…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="147" />
            <source>Mot de passe oublié ?</source>
            <translation>Forgotten password?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="151" />
            <source>Recevoir un lien de connexion par e-mail</source>
            <translation>Get a sign-in link by email</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="165" />
            <source>Code ou lien reçu par courriel</source>
            <translation>Code or link received by email</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="166" />
            <source>Code de connexion</source>
            <translation>Sign-in code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="168" />
            <source>Valider le code</source>
            <translation>Check the code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="178" />
            <source>Première connexion ?</source>
            <translation>First time here?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="179" />
            <source>Créer mon compte</source>
            <translation>Create my account</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="185" />
            <source>Sans compte ?</source>
            <translation>No account?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="186" />
            <source>Consulter sans compte</source>
            <translation>Browse without an account</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="188" />
            <source>Les informations publiques de ce serveur, en direct : tableaux du choix national, amphithéâtres, postes, affectations, calendrier de l'appariement</source>
            <translation>This server's public information, live: national choice tables, amphitheatres, posts, assignments, matching calendar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="199" />
            <source>Changer de serveur</source>
            <translation>Change server</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="206" />
            <source>Adresse du serveur</source>
            <translation>Server address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="224" />
            <source>Serveur : %1</source>
            <translation>Server: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="258" />
            <source>Renvoyer le lien de confirmation</source>
            <translation>Send the confirmation link again</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="288" />
            <source>Nouvel essai possible dans %1</source>
            <translation>You can try again in %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="344" />
            <source>Si un compte correspond à %1, un lien de connexion valable 30 minutes vient de lui être envoyé. Ouvrez-le, puis collez ici le code affiché.</source>
            <translation>If an account matches %1, a sign-in link valid for 30 minutes has just been sent to it. Open it, then paste the code it shows here.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="382" />
            <source>Un nouveau lien de confirmation a été envoyé à %1 : ouvrez-le, puis connectez-vous.</source>
            <translation>A new confirmation link has been sent to %1: open it, then sign in.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="411" />
            <source>Adresse confirmée : vous pouvez vous connecter.</source>
            <translation>Address confirmed: you can sign in.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="413" />
            <source>Compte créé. Confirmez votre adresse avec le lien reçu par courriel, puis connectez-vous.</source>
            <translation>Account created. Confirm your address with the link you received by email, then sign in.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/signin_dialog.py" line="432" />
            <source>Mot de passe changé : connectez-vous avec le nouveau.</source>
            <translation>Password changed: sign in with the new one.</translation>
        </message>
    </context>
    <context>
        <name>StaffNationalView</name>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="109" />
            <source>Choix national — agence</source>
            <translation>National choice — agency</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="131" />
            <source>Amphithéâtre</source>
            <translation>Amphitheatre</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="135" />
            <source>Démarrer l'amphi</source>
            <translation>Start the amphitheatre session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="136" />
            <source>Mettre en pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="137" />
            <source>Reprendre</source>
            <translation>Resume</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="140" />
            <source>Ouvrir la tranche suivante maintenant</source>
            <translation>Open the next slice now</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="150" />
            <source>Étudiant qui choisit maintenant</source>
            <translation>Student choosing now</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="159" />
            <source>Nom, rang</source>
            <translation>Name, rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="161" />
            <source>Téléphone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="168" />
            <source>Affecter son premier vœu réalisable</source>
            <translation>Assign their first achievable wish</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="169" />
            <source>Passer son tour</source>
            <translation>Skip their turn</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="170" />
            <source>Déclasser dans la tranche suivante</source>
            <translation>Move down to the next slot</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="175" />
            <source>Envoyer un message…</source>
            <translation>Send a message…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="176" />
            <source>Il le voit dans Amphi, le reçoit par courriel et le garde dans son historique.</source>
            <translation>The student sees it in Amphi, receives it by email and keeps it in the history.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="182" />
            <source>Les suivants</source>
            <translation>Next ones</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="192" />
            <source>Envoyer un message à l'étudiant sélectionné…</source>
            <translation>Send a message to the selected student…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="204" />
            <source>Exports pour les agences et les facultés</source>
            <translation>Exports for the agencies and faculties</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="205" />
            <source>Les affectations (étudiants ayant un poste), avec leur rang et le vœu obtenu, groupées par subdivision, par UFR ou par spécialité. Disponible pendant l'amphi et après.</source>
            <translation>The assignments (students holding a post), with their rank and the wish obtained, grouped by subdivision, by faculty (UFR) or by specialty. Available during the amphitheatre and after it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="212" />
            <source>Par subdivision</source>
            <translation>By subdivision</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="212" />
            <source>Par UFR (faculté)</source>
            <translation>By faculty (UFR)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="212" />
            <source>Par spécialité</source>
            <translation>By specialty</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="215" />
            <source>Excel (.xlsx)</source>
            <translation>Excel (.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="215" />
            <source>CSV (Excel, séparateur « ; »)</source>
            <translation>CSV (Excel, « ; » separator)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="216" />
            <source>Exporter…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="216" />
            <source>Export…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="233" />
            <source>État du site</source>
            <translation>Site status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="239" />
            <source>Fermé pour travaux</source>
            <translation>Closed for works</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="239" />
            <source>Saisie des coordonnées et mot de passe</source>
            <translation>Contact details and password entry</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="239" />
            <source>Ouvert pour choix avec simulation</source>
            <translation>Open for choices with simulation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="239" />
            <source>En période d'amphi</source>
            <translation>Amphitheatre session period</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="239" />
            <source>Terminé</source>
            <translation>Finished</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="241" />
            <source>Appliquer</source>
            <translation>Apply</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="248" />
            <source>Imports (CSV ou XLSX)</source>
            <translation>Imports (CSV or XLSX)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="249" />
            <source>Offre : colonnes subdivision, spécialité, postes, contingent (facultatif). Étudiants : rang, nom, prénom, date de naissance, INE, contingent. Les lignes refusées sont listées ; les autres sont importées.</source>
            <translation>Offer: columns subdivision, specialty, posts, pool (optional). Students: rank, surname, first name, date of birth, INE, pool. Rejected rows are listed; the others are imported.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="254" />
            <source>Importer l'offre…</source>
            <translation>Import the offer…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="254" />
            <location filename="../../desktop/ui/national/staff_view.py" line="258" />
            <source>Import…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="257" />
            <source>Importer les étudiants classés…</source>
            <translation>Import the ranked students…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="260" />
            <source>Vérifier seulement (ne rien importer)</source>
            <translation>Check only (import nothing)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="276" />
            <source>Tranches journalières</source>
            <translation>Daily slots</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="279" />
            <source>Jour (AAAA-MM-JJ)</source>
            <translation>Day (YYYY-MM-DD)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="279" />
            <source>Du rang</source>
            <translation>From rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="279" />
            <source>Au rang</source>
            <translation>To rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="280" />
            <source>Début (HH:MM)</source>
            <translation>Start (HH:MM)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="289" />
            <source>Ajouter une tranche</source>
            <translation>Add a slot</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="291" />
            <source>Retirer la tranche sélectionnée</source>
            <translation>Remove the selected slot</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="293" />
            <source>Enregistrer les tranches</source>
            <translation>Save the slots</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="294" />
            <location filename="../../desktop/ui/national/staff_view.py" line="589" />
            <source>Enregistrement…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="354" />
            <source>%1 a défini son compte</source>
            <translation>%1 has set up an account</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="355" />
            <source>%1 ont défini leur compte</source>
            <translation>%1 have set up their accounts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="357" />
            <source>%1 — %2 étudiants classés (%3), %4 cellules, %5 postes</source>
            <translation>%1 — %2 ranked students (%3), %4 cells, %5 posts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="364" />
            <source>État actuel : %1</source>
            <translation>Current status: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="377" />
            <source>Amphi %1 · site : %2</source>
            <translation>Amphitheatre session %1 · site: %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="378" />
            <source>pas commencé</source>
            <translation>not started</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="378" />
            <source>en cours</source>
            <translation>in progress</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="378" />
            <source>en pause</source>
            <translation>paused</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="378" />
            <source>terminé</source>
            <translation>finished</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="394" />
            <source>Personne ne choisit en ce moment.</source>
            <translation>Nobody is choosing right now.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="399" />
            <source>%1 %2 — classé %3</source>
            <translation>%1 %2 — ranked %3</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="402" />
            <source>non renseigné — écrivez-lui ou passez son tour</source>
            <translation>not provided — write to them or skip their turn</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="406" />
            <source>pas d'adresse</source>
            <translation>no address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="407" />
            <source>a un compte</source>
            <translation>has an account</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="407" />
            <source>sans compte</source>
            <translation>no account</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="408" />
            <source>entré dans l'amphi</source>
            <translation>entered the amphitheatre</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="409" />
            <source>pas encore entré dans l'amphi</source>
            <translation>not in the amphitheatre yet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="410" />
            <source>ABSENT</source>
            <translation>ABSENT</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="410" />
            <source>présent</source>
            <translation>present</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="76" />
            <source>L'amphithéâtre n'a pas commencé</source>
            <translation>The amphitheatre session has not started</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="78" />
            <source>Amphithéâtre en pause</source>
            <translation>Amphitheatre session paused</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="99" />
            <source>trop tôt pour estimer le rythme</source>
            <translation>too early to estimate the pace</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="80" />
            <source>Amphithéâtre terminé</source>
            <translation>Amphitheatre session over</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="82" />
            <source>Rangs du jour passés : l'amphithéâtre reprend %1</source>
            <translation>Today's ranks have passed: the amphitheatre resumes %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="85" />
            <source>passera le premier : l'étudiant classé %1</source>
            <translation>first to pass: the student ranked %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="88" />
            <source>Passe maintenant : l'étudiant classé %1</source>
            <translation>Now choosing: the student ranked %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="90" />
            <source>%1 / %2 passés</source>
            <translation>%1 / %2 done</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="92" />
            <source>%1 choix aujourd'hui, %2 dans la dernière heure</source>
            <translation>%1 choices today, %2 in the last hour</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="96" />
            <source>il en passe %1-%2 à l'heure</source>
            <translation>%1-%2 go through per hour</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="102" />
            <source>rythme attendu : %1 à %2 par heure</source>
            <translation>expected pace: %1 to %2 per hour</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="432" />
            <source>Choisit depuis %1 min %2 s</source>
            <translation>Choosing for %1 min %2 s</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="440" />
            <source>Les exports seront disponibles dès le début de l'amphi.</source>
            <translation>Exports become available when the amphitheatre starts.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="501" />
            <source>Affecter %1 sur son premier vœu réalisable ?</source>
            <translation>Assign %1 their first achievable wish?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="502" />
            <source>Passer le tour de %1 ? Il ne prendra aucun poste.</source>
            <translation>Skip %1's turn? They will not take any post.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="503" />
            <source>Déclasser %1 derrière le dernier rang de la tranche suivante ?</source>
            <translation>Move %1 down behind the last rank of the next slot?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="513" />
            <source>Décision enregistrée.</source>
            <translation>Decision saved.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="518" />
            <source>Confirmation</source>
            <translation>Confirmation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="520" />
            <source>Oui</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="521" />
            <source>Non</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="558" />
            <source>Message envoyé à %1 : il s'affiche dans son Amphi et lui a été envoyé par courriel.</source>
            <translation>Message sent to %1: it shows in the student's Amphi and was sent by email.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="560" />
            <source>Message envoyé à %1 : il s'affiche dans son Amphi (pas d'adresse électronique : aucun courriel).</source>
            <translation>Message sent to %1: it shows in the student's Amphi (no email address: no email sent).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="565" />
            <source>Fichier CSV (*.csv)</source>
            <translation>CSV file (*.csv)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="566" />
            <source>Classeur Excel (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="567" />
            <source>Enregistrer l'export des affectations</source>
            <translation>Save the assignments export</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="586" />
            <source>Préparation du fichier…</source>
            <translation>Preparing the file…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="595" />
            <source>Enregistrement impossible : %1</source>
            <translation>Could not save: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="605" />
            <source>Exporté : %1 affectation(s) dans %2</source>
            <translation>Exported: %1 assignment(s) to %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="624" />
            <source>État du site modifié.</source>
            <translation>Site status changed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="629" />
            <source>Choisir le fichier à importer</source>
            <translation>Choose the file to import</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="630" />
            <source>Tableaux (*.csv *.xlsx *.txt);;Tous les fichiers (*)</source>
            <translation>Spreadsheets (*.csv *.xlsx *.txt);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="653" />
            <source>%1 : %2 ligne(s) lue(s), %3 créée(s), %4 mise(s) à jour, %5 refusée(s).</source>
            <translation>%1: %2 row(s) read, %3 created, %4 updated, %5 rejected.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="658" />
            <source> Vérification seulement : rien n'a été importé.</source>
            <translation> Check only: nothing was imported.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="694" />
            <source>Ligne %1 : jour (AAAA-MM-JJ), rangs (nombres) et heure (HH:MM) sont attendus.</source>
            <translation>Row %1: a day (YYYY-MM-DD), ranks (numbers) and a time (HH:MM) are expected.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/staff_view.py" line="722" />
            <source>Tranches enregistrées.</source>
            <translation>Slots saved.</translation>
        </message>
    </context>
    <context>
        <name>StudentView</name>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="126" />
            <source>Appariement — mes candidatures</source>
            <translation>Matching — my applications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="134" />
            <source>Candidatures</source>
            <translation>Applications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="135" />
            <source>Mon dossier</source>
            <translation>My file</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="136" />
            <source>Mes résultats</source>
            <translation>My results</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="160" />
            <source>Rechercher un poste, un établissement, un responsable…</source>
            <translation>Search for a post, a hospital, a supervisor…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="164" />
            <location filename="../../desktop/ui/matching/student_view.py" line="332" />
            <source>Toutes les subdivisions</source>
            <translation>All subdivisions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="165" />
            <source>Avec des places restantes</source>
            <translation>With places left</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="186" />
            <source>Ajouter à mes candidatures</source>
            <translation>Add to my applications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="193" />
            <source>Mes candidatures</source>
            <translation>My applications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="202" />
            <source>Votre premier choix en haut. Glissez pour réordonner (ou Ctrl+Haut / Ctrl+Bas).</source>
            <translation>Your first choice at the top. Drag to reorder (or Ctrl+Up / Ctrl+Down).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="225" />
            <source>Monter (Ctrl+Haut)</source>
            <translation>Move up (Ctrl+Up)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="227" />
            <source>Descendre (Ctrl+Bas)</source>
            <translation>Move down (Ctrl+Down)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="228" />
            <source>Retirer</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="234" />
            <source>Mes reçus…</source>
            <translation>My receipts…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="259" />
            <source>Texte de présentation</source>
            <translation>Personal statement</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="260" />
            <source>Lu par les responsables des postes auxquels vous candidatez.</source>
            <translation>Read by the supervisors of the posts you apply for.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="265" />
            <source>Enregistrer le texte</source>
            <translation>Save the statement</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="272" />
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="273" />
            <source>PDF ou document bureautique, 1,9 Mo au plus.</source>
            <translation>PDF or office document, 1.9 MB at most.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="302" />
            <source>Aucune campagne d'appariement en cours.</source>
            <translation>No matching campaign in progress.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="346" />
            <source>Tour {n} : {phase}</source>
            <translation>Round {n}: {phase}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="349" />
            <source>{spec}, {sub}</source>
            <translation>{spec}, {sub}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="352" />
            <source>candidatures jusqu'au {d}</source>
            <translation>applications until {d}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="368" />
            <source>Reçu : {code} · {at}</source>
            <translation>Receipt: {code} · {at}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="370" />
            <source>Pas encore de reçu : liste non enregistrée.</source>
            <translation>No receipt yet: list not saved.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="371" />
            <source>Reçu signé par le serveur de votre liste enregistrée le {at} ({n} candidature(s)) : notez ce code.</source>
            <translation>Receipt signed by the server for your list saved on {at} ({n} application(s)): note this code.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="381" />
            <source>Vous avez déjà été affecté(e) lors d'un tour précédent.</source>
            <translation>You were already assigned in an earlier round.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="386" />
            <source>Lecture seule</source>
            <translation>Read-only</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="393" />
            <source>Votre liste du tour {n} ne peut plus être modifiée ({phase}{since}). Elle est présentée telle que les responsables la reçoivent.</source>
            <translation>Your list for round {n} can no longer be changed ({phase}{since}). It is shown as the supervisors receive it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="397" />
            <source> ; fermées le {d}</source>
            <translation>; closed on {d}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="416" />
            <source>Mes candidatures ({n})</source>
            <translation>My applications ({n})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="418" />
            <source>✓ Candidatures suffisantes : {n} sur {r} requises.</source>
            <translation>✓ Enough applications: {n} of the {r} required.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="422" />
            <source>Candidatures insuffisantes : {n} sur {r} requises (au moins {r} parmi les {o} postes ouverts pour vous). Ajoutez-en {m}.</source>
            <translation>Not enough applications: {n} of the {r} required (at least {r} among the {o} posts open to you). Add {m} more.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="442" />
            <source>{k} place(s) restante(s) sur {n}</source>
            <translation>{k} of {n} place(s) left</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="481" />
            <source>✓ Enregistré</source>
            <translation>✓ Saved</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="481" />
            <source>Enregistrement…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="482" />
            <source>Hors ligne — gardé sur cet ordinateur</source>
            <translation>Offline — kept on this computer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="483" />
            <source>Non enregistré</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="521" />
            <source>non déposé</source>
            <translation>not uploaded</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="523" />
            <source>Remplacer…</source>
            <translation>Replace…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="523" />
            <source>Déposer…</source>
            <translation>Upload…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="529" />
            <source>Ouvrir</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="537" />
            <source>Choisir un document</source>
            <translation>Choose a document</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="538" />
            <source>Documents (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.rtf)</source>
            <translation>Documents (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.rtf)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="553" />
            <source>✓ Texte enregistré</source>
            <translation>✓ Statement saved</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="569" />
            <source>{kind} déposé.</source>
            <translation>{kind} uploaded.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="587" />
            <source>Aucun résultat publié pour l'instant.</source>
            <translation>No results published yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="591" />
            <source>Tour {n} — {wave}</source>
            <translation>Round {n} — {wave}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="594" />
            <source>Pas d'affectation à ce tour.</source>
            <translation>No assignment in this round.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/matching/student_view.py" line="598" />
            <source>Affecté(e) : {label} — {est} ({sub}), {d} mois{who}</source>
            <translation>Assigned: {label} — {est} ({sub}), {d} months{who}</translation>
        </message>
    </context>
    <context>
        <name>TablesView</name>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="148" />
            <source>Tableaux publics</source>
            <translation>Public tables</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="148" />
            <source>Disponibilités et rangs limites calculés par la simulation (chacun garde ses vœux actuels). Cliquez sur une ligne pour voir qui est placé dans la cellule.</source>
            <translation>Availability and cut-off ranks calculated by the simulation (everyone keeps their current wishes). Click a row to see who is placed in the cell.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="157" />
            <source>Dispo finale</source>
            <translation>Final avail.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="158" />
            <source>Dispo pour celui qui passe</source>
            <translation>Avail. for the student choosing</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="159" />
            <source>Dispo pour moi</source>
            <translation>Avail. for me</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="160" />
            <source>Rangs limites</source>
            <translation>Cut-off ranks</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="161" />
            <source>Listing intégral</source>
            <translation>Full listing</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="168" />
            <source>Contingent général</source>
            <translation>General pool</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="169" />
            <source>Contingent CESP</source>
            <translation>CESP pool</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="172" />
            <source>Filtrer (subdivision, spécialité, rang…)</source>
            <translation>Filter (subdivision, specialty, rank…)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="175" />
            <source>Tranches de passage…</source>
            <translation>Day slices…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="177" />
            <source>Les jours de l'amphithéâtre et les rangs de chaque jour ; la hotline</source>
            <translation>The days of the amphitheatre and the ranks of each day; the hotline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="233" />
            <source>%1 ligne(s) affichée(s) sur %2</source>
            <translation>%1 of %2 row(s) shown</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="76" />
            <source>L'amphithéâtre n'a pas commencé</source>
            <translation>The amphitheatre session has not started</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="78" />
            <source>Amphithéâtre en pause</source>
            <translation>Amphitheatre session paused</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="99" />
            <source>trop tôt pour estimer le rythme</source>
            <translation>too early to estimate the pace</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="80" />
            <source>Amphithéâtre terminé</source>
            <translation>Amphitheatre session over</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="82" />
            <source>Rangs du jour passés : l'amphithéâtre reprend %1</source>
            <translation>Today's ranks have passed: the amphitheatre resumes %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="85" />
            <source>passera le premier : l'étudiant classé %1</source>
            <translation>first to pass: the student ranked %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="88" />
            <source>Passe maintenant : l'étudiant classé %1</source>
            <translation>Now choosing: the student ranked %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="90" />
            <source>%1 / %2 passés</source>
            <translation>%1 / %2 done</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="92" />
            <source>%1 choix aujourd'hui, %2 dans la dernière heure</source>
            <translation>%1 choices today, %2 in the last hour</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="96" />
            <source>il en passe %1-%2 à l'heure</source>
            <translation>%1-%2 go through per hour</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="102" />
            <source>rythme attendu : %1 à %2 par heure</source>
            <translation>expected pace: %1 to %2 per hour</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/tables_view.py" line="301" />
            <source>Chargement… %1 / %2</source>
            <translation>Loading… %1 / %2</translation>
        </message>
    </context>
    <context>
        <name>TermsDialog</name>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="65" />
            <source>Conditions d'utilisation</source>
            <translation>Terms of use</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="73" />
            <source>J'accepte</source>
            <translation>I accept</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/registration_dialog.py" line="75" />
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>TurnNotifier</name>
        <message>
            <location filename="../../desktop/sync/notifications.py" line="94" />
            <source>C'est votre tour</source>
            <translation>It is your turn</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/notifications.py" line="95" />
            <source>C'EST VOTRE TOUR : choisissez votre poste maintenant dans Amphi.</source>
            <translation>IT IS YOUR TURN: choose your post now in Amphi.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/notifications.py" line="102" />
            <source>Votre tour approche</source>
            <translation>Your turn is coming</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/notifications.py" line="103" />
            <source>Plus que %1 personne(s) avant vous : tenez-vous prêt.</source>
            <translation>Only %1 person(s) before you: get ready.</translation>
        </message>
    </context>
    <context>
        <name>TurnPanel</name>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="59" />
            <source>inconnue</source>
            <translation>unknown</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="61" />
            <location filename="../../desktop/ui/national/turn_panel.py" line="77" />
            <source>moins de 2 minutes</source>
            <translation>less than 2 minutes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="62" />
            <location filename="../../desktop/ui/national/turn_panel.py" line="80" />
            <source>environ %1</source>
            <translation>about %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="69" />
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="71" />
            <source>%1 h %2</source>
            <translation>%1 h %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="81" />
            <source>%1 à %2</source>
            <translation>%1 to %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="87" />
            <source>Trop tôt pour estimer le rythme et votre attente : il faut d'abord voir passer quelques étudiants.</source>
            <translation>Too early to estimate the pace and your wait: a few students must go through first.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="89" />
            <source>Il en passe %1-%2 à l'heure</source>
            <translation>%1-%2 students go through per hour</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="95" />
            <source> — votre tour dans %1.</source>
            <translation> — your turn in %1.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="101" />
            <source>JE PRENDS en %1 / %2 le vœu n° %3 à %4 en %5</source>
            <translation>I TAKE place %1 / %2 with wish no. %3: %5 in %4</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="113" />
            <source>%1 à %2 h %3</source>
            <translation>%1 at %2:%3</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="120" />
            <source>Votre jour de passage : %1 (rangs %2 à %3) ; vous ne passerez pas avant.</source>
            <translation>Your day: %1 (ranks %2 to %3); you will not pass before.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="167" />
            <source>Réponse à votre question secrète</source>
            <translation>Answer to your secret question</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="171" />
            <source>Entrer dans l'amphi</source>
            <translation>Enter the amphitheatre</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="180" />
            <source>Raccourci clavier : Ctrl+Entrée</source>
            <translation>Keyboard shortcut: Ctrl+Enter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="214" />
            <source>Pour entrer dans l'amphithéâtre, répondez à votre question secrète : %1</source>
            <translation>To enter the amphitheatre, answer your secret question: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="216" />
            <source>Pour entrer dans l'amphithéâtre, répondez à votre question secrète.</source>
            <translation>To enter the amphitheatre, answer your secret question.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="249" />
            <source>Amphithéâtre en pause — les tours reprendront bientôt</source>
            <translation>Amphitheatre session paused — turns will resume soon</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="251" />
            <source>L'amphithéâtre est terminé</source>
            <translation>The amphitheatre session is over</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="253" />
            <source>L'amphithéâtre n'a pas encore commencé</source>
            <translation>The amphitheatre session has not started yet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="255" />
            <source>L'amphithéâtre reprend %1</source>
            <translation>The amphitheatre resumes %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="258" />
            <source>C'EST VOTRE TOUR</source>
            <translation>IT IS YOUR TURN</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="260" />
            <source>Vous êtes le prochain : 1 personne avant vous</source>
            <translation>You are next: 1 person before you</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="262" />
            <source>Votre tour est très proche : %1 personnes avant vous</source>
            <translation>Your turn is very close: %1 people before you</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="265" />
            <source>Votre tour approche : %1 personnes avant vous</source>
            <translation>Your turn is coming: %1 people before you</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="268" />
            <source>Votre tour est encore loin : %1 personnes avant vous</source>
            <translation>Your turn is still a long way off: %1 people before you</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="272" />
            <source>Merci de valider rapidement votre choix : d'autres attendent après vous. Vous pouvez encore modifier vos vœux ; le bouton ci-dessous vous demandera de confirmer.</source>
            <translation>Please confirm your choice quickly: others are waiting after you. You can still change your wishes; the button below will ask you to confirm.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="277" />
            <source>Les rangs du jour sont passés : l'étudiant classé %1 passera le premier à la reprise.</source>
            <translation>Today's ranks have passed: the student ranked %1 will pass first when it resumes.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="281" />
            <source>Passe maintenant : l'étudiant classé %1.</source>
            <translation>Now choosing: the student ranked %1.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="284" />
            <source>Personne ne choisit en ce moment.</source>
            <translation>Nobody is choosing right now.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="285" />
            <source>Votre rang : %1 — vous allez être %2e de votre contingent à choisir.</source>
            <translation>Your rank: %1 — you will be number %2 of your quota to choose.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_panel.py" line="294" />
            <source>Mon tour à l'amphithéâtre</source>
            <translation>My turn in the amphitheatre</translation>
        </message>
    </context>
    <context>
        <name>TurnStrip</name>
        <message>
            <location filename="../../desktop/ui/national/turn_strip.py" line="23" />
            <source>Mon tour à l'amphithéâtre</source>
            <translation>My turn in the amphitheatre</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_strip.py" line="47" />
            <source>Merci de valider rapidement votre choix sur « Mes vœux » : d'autres attendent après vous.</source>
            <translation>Please confirm your choice quickly on « My wishes »: others are waiting after you.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_strip.py" line="52" />
            <source>Choisir maintenant</source>
            <translation>Choose now</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/turn_strip.py" line="53" />
            <source>Voir mes vœux</source>
            <translation>See my wishes</translation>
        </message>
    </context>
    <context>
        <name>WishModel</name>
        <message>
            <location filename="../../desktop/models/national_wishes.py" line="54" />
            <source>épuisé / %1</source>
            <translation>exhausted / %1</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_wishes.py" line="157" />
            <source>Vœu n°</source>
            <translation>Wish no.</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_wishes.py" line="157" />
            <source>Subdivision</source>
            <translation>Subdivision</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_wishes.py" line="158" />
            <source>Spécialité</source>
            <translation>Specialty</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_wishes.py" line="158" />
            <source>État</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_wishes.py" line="160" />
            <source>Tapez un autre numéro pour déplacer le vœu.</source>
            <translation>Type another number to move the wish.</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_wishes.py" line="177" />
            <source>en attente d'envoi</source>
            <translation>waiting to be sent</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_wishes.py" line="179" />
            <source>%1 — votre affectation</source>
            <translation>%1 — your assignment</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_wishes.py" line="181" />
            <source>%1 — réalisable</source>
            <translation>%1 — achievable</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_wishes.py" line="205" />
            <source>Modification faite hors ligne, pas encore enregistrée sur le serveur.</source>
            <translation>Change made offline, not yet saved on the server.</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_wishes.py" line="208" />
            <source>Épuisé : tous les postes seront pris par les étudiants qui passent avant vous (vous pouvez le garder).</source>
            <translation>Exhausted: every post will be taken by the students choosing before you (you may keep it).</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_wishes.py" line="211" />
            <source>Le vœu qui vous serait attribué si tout le monde gardait ses vœux actuels.</source>
            <translation>The wish you would be given if everyone kept their current wishes.</translation>
        </message>
        <message>
            <location filename="../../desktop/models/national_wishes.py" line="213" />
            <source>%1 : le poste que vous prendriez / le nombre de postes.</source>
            <translation>%1: the post you would take / the number of posts.</translation>
        </message>
    </context>
    <context>
        <name>WishesSync</name>
        <message>
            <location filename="../../desktop/sync/national.py" line="61" />
            <source>Ce vœu figure déjà dans votre liste.</source>
            <translation>This wish is already in your list.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/national.py" line="64" />
            <source>Ce vœu n'est pas dans votre liste.</source>
            <translation>This wish is not in your list.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/national.py" line="197" />
            <source>Votre liste de vœux n'est plus modifiable.</source>
            <translation>Your list of wishes can no longer be changed.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/national.py" line="216" />
            <source>Votre liste a changé pendant l'envoi ; elle est à jour, refaites votre modification.</source>
            <translation>Your list changed while it was being sent; it is now up to date, make your change again.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/national.py" line="266" />
            <source>Hors ligne : votre modification est enregistrée sur cet ordinateur et sera envoyée dès le retour de la connexion.</source>
            <translation>Offline: your change is saved on this computer and will be sent as soon as the connection is back.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/national.py" line="299" />
            <source>Votre liste de vœux a été modifiée ailleurs pendant que vous étiez hors ligne. Votre liste locale est conservée comme brouillon : choisissez de l'appliquer à la place de la liste du serveur, ou de l'abandonner.</source>
            <translation>Your list of wishes was changed elsewhere while you were offline. Your local list is kept as a draft: choose to apply it in place of the server's list, or to discard it.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/national.py" line="310" />
            <source>Votre liste locale n'a pas pu être envoyée : %1 Elle est conservée comme brouillon.</source>
            <translation>Your local list could not be sent: %1 It is kept as a draft.</translation>
        </message>
        <message>
            <location filename="../../desktop/sync/national.py" line="318" />
            <source>Vos modifications faites hors ligne ont été envoyées.</source>
            <translation>The changes you made offline have been sent.</translation>
        </message>
    </context>
    <context>
        <name>WishesView</name>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="144" />
            <source>Mes vœux</source>
            <translation>My wishes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="154" />
            <source>Abandonner mon brouillon et garder la liste du serveur</source>
            <translation>Discard my draft and keep the server's list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="173" />
            <source>Vous avez été affecté définitivement</source>
            <translation>You have been assigned for good</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="180" />
            <source>Imprimer mon affectation…</source>
            <translation>Print my assignment…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="181" />
            <source>Préparation du PDF…</source>
            <translation>Preparing the PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="184" />
            <source>Mettre à jour mes coordonnées</source>
            <translation>Update my contact details</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="189" />
            <source>Imprimez et conservez cette attestation : elle vous sera demandée par votre ARS d'affectation. Vous pouvez mettre à jour vos coordonnées jusqu'à la fin de l'amphi.</source>
            <translation>Print and keep this certificate: the ARS you are assigned to will ask for it. You can update your contact details until the end of the amphitheatre session.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="197" />
            <source>Mon absence à l'amphi, mon déclassement</source>
            <translation>My absence from the amphitheatre session, moving down</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="201" />
            <location filename="../../desktop/ui/national/wishes_view.py" line="405" />
            <source>Je me déclare absent</source>
            <translation>I declare myself absent</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="202" />
            <source>Enregistrement…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="206" />
            <source>Je ne serai ni joignable ni devant mon écran à l'amphi virtuel, il sera inutile de m'attendre : le meilleur de mes vœux disponibles me sera attribué à mon tour.
Ne vous déclarez pas absent si vous souhaitez être appelé. Vous pouvez revenir sur cette décision à tout moment avant votre tour. Absent, vous voyez toujours vos vœux mais ne pouvez plus les modifier.</source>
            <translation>I will be neither reachable nor in front of my screen during the virtual amphitheatre session, there is no point waiting for me: the best of my available wishes will be given to me at my turn.
Do not declare yourself absent if you want to be called. You can go back on this decision at any time before your turn. While absent, you still see your wishes but can no longer change them.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="209" />
            <source>Passer derrière le rang</source>
            <translation>Go after rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="214" />
            <source>Vous choisirez juste après l'étudiant classé à ce rang (un rang après le vôtre).</source>
            <translation>You will choose right after the student ranked at this rank (one rank after yours).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="217" />
            <source>Demander ce déclassement</source>
            <translation>Request this move</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="221" />
            <source>Annuler mon déclassement</source>
            <translation>Cancel my move</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="246" />
            <source>Ajouter en n°</source>
            <translation>Add as no.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="249" />
            <source>à la fin</source>
            <translation>at the end</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="251" />
            <source>Position du nouveau vœu (laissez « à la fin » pour l'ajouter après les autres).</source>
            <translation>Position of the new wish (leave “at the end” to add it after the others).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="254" />
            <source>Subdivision…</source>
            <translation>Subdivision…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="257" />
            <source>Discipline / spécialité…</source>
            <translation>Discipline / specialty…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="259" />
            <source>Ajouter un vœu</source>
            <translation>Add a wish</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="262" />
            <source>Ajoute la subdivision et la spécialité choisies à votre liste de vœux.</source>
            <translation>Adds the chosen subdivision and specialty to your list of wishes.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="281" />
            <source>tous mes vœux sur une même page</source>
            <translation>all my wishes on a single page</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="295" />
            <source>Monter</source>
            <translation>Up</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="297" />
            <source>Descendre</source>
            <translation>Down</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="299" />
            <source>Supprimer ce vœu</source>
            <translation>Delete this wish</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="305" />
            <source>Glissez un vœu entre deux lignes, ou Ctrl+↑ / Ctrl+↓, ou tapez son nouveau numéro dans la 1re colonne. Cliquez sur une subdivision pour voir qui y est placé.</source>
            <translation>Drag a wish between two rows, or Ctrl+↑ / Ctrl+↓, or type its new number in the first column. Click a subdivision to see who is placed there.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="372" />
            <source>Classé %1 — contingent %2 — vous allez être le %3e de votre contingent à choisir.</source>
            <translation>Ranked %1 — pool %2 — you will be number %3 of your pool to choose.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="374" />
            <source>Classé %1 — contingent %2 — votre tour est passé (%3e de votre contingent).</source>
            <translation>Ranked %1 — pool %2 — your turn has passed (number %3 of your pool).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="380" />
            <source> Vous avez demandé à passer derrière le rang %1.</source>
            <translation> You asked to go after rank %1.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="398" />
            <source>Vous êtes déclaré absent : à votre tour, votre premier vœu réalisable vous sera attribué automatiquement. Vos vœux ne sont plus modifiables.</source>
            <translation>You are declared absent: at your turn, your first achievable wish will be given to you automatically. Your wishes can no longer be changed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="401" />
            <source>J'annule mon absence</source>
            <translation>I cancel my absence</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="403" />
            <source>Vous êtes présent : à votre tour, vous validerez vous-même votre choix.</source>
            <translation>You are present: at your turn, you will confirm your choice yourself.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="419" />
            <source>%1 en %2 — poste %3 / %4</source>
            <translation>%2 in %1 — post %3 / %4</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="423" />
            <source>Affecté le %1 à %2 · code d'attestation %3</source>
            <translation>Assigned on %1 at %2 · certificate code %3</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="427" />
            <source>Vœu n° %1 · </source>
            <translation>Wish no. %1 · </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="458" />
            <source>Votre liste locale (en italique) n'a pas pu être enregistrée : la liste du serveur a changé entre-temps ou n'est plus modifiable. Rien n'est perdu : vous pouvez l'appliquer à la place de celle du serveur, ou l'abandonner.</source>
            <translation>Your local list (in italics) could not be saved: the server's list changed in the meantime or can no longer be changed. Nothing is lost: you can apply it in place of the server's list, or discard it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="462" />
            <source>Appliquer mon brouillon</source>
            <translation>Apply my draft</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="465" />
            <source>Modifications en attente d'envoi (en italique) : elles seront envoyées dès le retour de la connexion.</source>
            <translation>Changes waiting to be sent (in italics): they will be sent as soon as the connection is back.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="502" />
            <source>Les statuts seront recalculés quand vos modifications seront enregistrées sur le serveur.</source>
            <translation>Statuses will be recalculated once your changes are saved on the server.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="508" />
            <source>Au total j'ai %1 vœu(x) :</source>
            <translation>In total I have %1 wish(es):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="513" />
            <source>voir mes vœux n° 1 à n° %1</source>
            <translation>see my wishes no. 1 to no. %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="514" />
            <source>aucun vœu pour l'instant</source>
            <translation>no wishes yet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="519" />
            <source>voir mes vœux n° %1 à n° %2</source>
            <translation>see my wishes no. %1 to no. %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="563" />
            <source>Aucun de vos vœux n'est réalisable : ajoutez-en un (voir « dispo pour moi »).</source>
            <translation>None of your wishes is achievable: add one (see “avail. for me”).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="632" />
            <source>Choisissez une subdivision puis une spécialité dans les listes.</source>
            <translation>Choose a subdivision then a specialty from the lists.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="677" />
            <source>Déclassement enregistré : vous passerez juste après le rang %1.</source>
            <translation>Move saved: you will go right after rank %1.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="683" />
            <source>Déclassement annulé : vous passez à votre rang.</source>
            <translation>Move cancelled: you go at your own rank.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="706" />
            <source>en %1 / %2 le vœu n° %3 à %4 en %5</source>
            <translation>place %1 / %2 with wish no. %3: %5 in %4</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="712" />
            <source>Subdivision : %1</source>
            <translation>Subdivision: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="713" />
            <source>Spécialité : %1</source>
            <translation>Specialty: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="714" />
            <source>Poste %1 sur %2</source>
            <translation>Post %1 of %2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="716" />
            <source>Vous allez prendre ce poste</source>
            <translation>You are about to take this post</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="723" />
            <source>Vous êtes revenu à vos choix : rien n'a été validé.</source>
            <translation>You went back to your choices: nothing was confirmed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/national/wishes_view.py" line="732" />
            <source>Votre choix est définitivement validé. Pensez à imprimer votre attestation.</source>
            <translation>Your choice is confirmed for good. Remember to print your certificate.</translation>
        </message>
    </context>
</TS>
