"""The 44 specialty diplomas (DES) open after the national ranking exam.

`posts` is the rough yearly national offer (scaled to the demo's total), `appeal` how early
the posts go on the rank-limit tables (1 = filled by the best ranks), `code` the short DES
code the regional agencies show, `units` services where a junior doctor of that specialty
works, `options` the DES options a matching post may carry.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Specialty:
    label: str
    code: str
    posts: int
    appeal: float
    units: tuple[str, ...] = ()
    options: tuple[str, ...] = field(default=())


SPECIALTIES: tuple[Specialty, ...] = (
    Specialty("Allergologie", "ALLERGO", 28, 0.62, ("Allergologie", "Pneumo-allergologie")),
    Specialty("Anatomie et cytologie pathologiques", "ACP", 70, 0.42,
              ("Anatomie et cytologie pathologiques", "Pathologie moléculaire")),
    Specialty("Anesthésie-réanimation", "AR", 490, 0.86,
              ("Anesthésie — bloc central", "Réanimation chirurgicale", "Anesthésie obstétricale",
               "Anesthésie pédiatrique", "Soins critiques")),
    Specialty("Biologie médicale", "BM", 110, 0.4,
              ("Laboratoire de biochimie", "Laboratoire d'hématologie", "Microbiologie",
               "Biologie polyvalente"),
              ("Biologie générale", "Médecine moléculaire, génétique et pharmacologie",
               "Hématologie et immunologie", "Agents infectieux")),
    Specialty("Chirurgie maxillo-faciale", "CMF", 22, 0.85, ("Chirurgie maxillo-faciale",)),
    Specialty("Chirurgie orale", "CO", 20, 0.55, ("Chirurgie orale", "Odontologie hospitalière")),
    Specialty("Chirurgie orthopédique et traumatologique", "COT", 160, 0.82,
              ("Chirurgie orthopédique", "Traumatologie", "Chirurgie du rachis",
               "Chirurgie de la main")),
    Specialty("Chirurgie pédiatrique", "CPED", 38, 0.76,
              ("Chirurgie viscérale pédiatrique", "Orthopédie pédiatrique")),
    Specialty("Chirurgie plastique, reconstructrice et esthétique", "CPRE", 36, 0.95,
              ("Chirurgie plastique", "Centre des brûlés")),
    Specialty("Chirurgie thoracique et cardiovasculaire", "CTCV", 32, 0.66,
              ("Chirurgie cardiaque", "Chirurgie thoracique")),
    Specialty("Chirurgie vasculaire", "CV", 32, 0.66, ("Chirurgie vasculaire",)),
    Specialty("Chirurgie viscérale et digestive", "CVD", 130, 0.7,
              ("Chirurgie digestive", "Chirurgie hépato-biliaire", "Chirurgie colorectale",
               "Chirurgie bariatrique")),
    Specialty("Dermatologie et vénéréologie", "DERMATO", 105, 0.97,
              ("Dermatologie", "Dermatologie — hôpital de jour")),
    Specialty("Endocrinologie-diabétologie-nutrition", "ENDO", 90, 0.84,
              ("Endocrinologie", "Diabétologie", "Nutrition clinique")),
    Specialty("Génétique médicale", "GENET", 25, 0.55, ("Génétique clinique",)),
    Specialty("Gériatrie", "GERIA", 190, 0.3,
              ("Gériatrie aiguë", "Soins de suite gériatriques", "Équipe mobile de gériatrie")),
    Specialty("Gynécologie médicale", "GM", 70, 0.72,
              ("Gynécologie médicale", "Médecine de la reproduction")),
    Specialty("Gynécologie obstétrique", "GO", 240, 0.78,
              ("Gynécologie obstétrique", "Salle de naissance", "Chirurgie gynécologique")),
    Specialty("Hématologie", "HEMATO", 75, 0.72,
              ("Hématologie clinique", "Hématologie — hôpital de jour")),
    Specialty("Hépato-gastro-entérologie", "HGE", 175, 0.83,
              ("Hépato-gastro-entérologie", "Endoscopie digestive", "Hépatologie"),
              ("Endoscopie interventionnelle",)),
    Specialty("Maladies infectieuses et tropicales", "MIT", 62, 0.76,
              ("Maladies infectieuses et tropicales",)),
    Specialty("Médecine cardiovasculaire", "MCV", 235, 0.93,
              ("Cardiologie — USIC", "Rythmologie", "Insuffisance cardiaque",
               "Cardiologie générale"),
              ("Cardiologie interventionnelle de l'adulte",
               "Rythmologie interventionnelle et stimulation cardiaque",
               "Imagerie cardiovasculaire d'expertise")),
    Specialty("Médecine d'urgence", "MU", 480, 0.6,
              ("Urgences adultes", "SAMU – SMUR", "Urgences — SMUR",
               "Unité d'hospitalisation de courte durée")),
    Specialty("Médecine et santé au travail", "MST", 120, 0.2,
              ("Service de santé au travail", "Pathologies professionnelles")),
    Specialty("Médecine générale", "MG", 3600, 0.3,
              ("Médecine polyvalente", "Maison de santé pluriprofessionnelle")),
    Specialty("Médecine intensive-réanimation", "MIR", 95, 0.78,
              ("Réanimation médicale", "Soins intensifs")),
    Specialty("Médecine interne et immunologie clinique", "MIIC", 145, 0.7,
              ("Médecine interne", "Immunologie clinique")),
    Specialty("Médecine légale et expertises médicales", "MLEM", 32, 0.4,
              ("Institut médico-légal", "Unité médico-judiciaire")),
    Specialty("Médecine nucléaire", "MN", 42, 0.62, ("Médecine nucléaire",)),
    Specialty("Médecine physique et de réadaptation", "MPR", 110, 0.5,
              ("Médecine physique et de réadaptation", "Rééducation neurologique")),
    Specialty("Médecine vasculaire", "MV", 45, 0.55, ("Médecine vasculaire",)),
    Specialty("Néphrologie", "NEPHRO", 105, 0.8,
              ("Néphrologie", "Dialyse", "Transplantation rénale")),
    Specialty("Neurochirurgie", "NCH", 35, 0.74, ("Neurochirurgie",)),
    Specialty("Neurologie", "NEURO", 175, 0.73,
              ("Neurologie vasculaire (UNV)", "Neurologie générale", "Épileptologie")),
    Specialty("Oncologie", "ONCO", 130, 0.7,
              ("Oncologie médicale", "Radiothérapie"),
              ("Oncologie médicale", "Radiothérapie")),
    Specialty("ORL-chirurgie cervico-faciale", "ORL", 95, 0.9,
              ("ORL et chirurgie cervico-faciale",)),
    Specialty("Ophtalmologie", "OPH", 165, 0.98, ("Ophtalmologie", "Chirurgie de la rétine")),
    Specialty("Pédiatrie", "PED", 350, 0.79,
              ("Pédiatrie générale", "Urgences pédiatriques", "Néonatologie",
               "Réanimation pédiatrique"),
              ("Néonatologie", "Pneumopédiatrie", "Neuropédiatrie", "Réanimation pédiatrique")),
    Specialty("Pneumologie", "PNEUMO", 165, 0.64,
              ("Pneumologie", "Oncologie thoracique", "Soins intensifs respiratoires")),
    Specialty("Psychiatrie", "PSY", 560, 0.42,
              ("Psychiatrie adulte", "Psychiatrie de liaison", "Pédopsychiatrie", "Addictologie"),
              ("Psychiatrie de l'enfant et de l'adolescent", "Psychiatrie de la personne âgée")),
    Specialty("Radiologie et imagerie médicale", "RIM", 300, 0.9,
              ("Imagerie médicale", "Radiologie interventionnelle", "Neuroradiologie"),
              ("Radiologie interventionnelle avancée",)),
    Specialty("Rhumatologie", "RHUMATO", 95, 0.82, ("Rhumatologie",)),
    Specialty("Santé publique", "SP", 110, 0.45,
              ("Département d'information médicale", "Épidémiologie clinique",
               "Santé publique et prévention")),
    Specialty("Urologie", "URO", 75, 0.85, ("Urologie", "Transplantation et andrologie")),
)

SPECIALTY_BY_LABEL: dict[str, Specialty] = {s.label: s for s in SPECIALTIES}

GENERAL_PRACTICE = "Médecine générale"
