"""Three regional agencies running an amphitheatre choice, with their hospitals.

Department numbers, establishments and faculties are the real ones of each region, so a
user from there recognises the list; heads of service are invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Establishment:
    name: str
    kind: str  # post type shown to interns: CHU, CH, ESPIC, Clinique
    department: str


@dataclass(frozen=True)
class AmphiPlan:
    group: str  # specialty group, as the agency names it
    phase: str  # socle | approfondissement | consolidation
    interns: int
    state: str  # not_validated | validated | open
    des: tuple[str, ...]  # DES codes of its interns (labels from the specialty list)
    days: tuple[date, ...]  # session days; favourites open a week before the first


@dataclass(frozen=True)
class Region:
    agency: str
    region: str
    subdivisions: tuple[str, ...]
    faculties: tuple[str, ...]
    establishments: tuple[Establishment, ...]
    practices: tuple[tuple[str, str], ...]  # (town, department) of ambulatory practices
    amphis: tuple[AmphiPlan, ...]


GENERAL_PRACTICE_GROUP = "Médecine générale"
MEDICAL_GROUP = "Spécialités médicales"
SURGICAL_GROUP = "Spécialités chirurgicales"

MEDICAL_DES = ("MCV", "PNEUMO", "NEURO", "HGE", "ENDO", "NEPHRO", "RHUMATO", "DERMATO",
               "HEMATO", "ONCO", "MIT", "MIIC", "GERIA", "MPR")
SURGICAL_DES = ("COT", "CVD", "URO", "ORL", "OPH", "GO", "NCH", "CPRE", "CV", "CPED", "CMF",
                "CTCV")

PHASE_LABELS: dict[str, str] = {
    "socle": "Phase socle",
    "approfondissement": "Phase d'approfondissement",
    "consolidation": "Phase de consolidation",
}

# Hospital services that take general-practice interns, with the earmark some posts carry.
GP_HOSPITAL_SERVICES: tuple[tuple[str, str | None], ...] = (
    ("Médecine polyvalente", None),
    ("Urgences adultes", "Fléché urgences"),
    ("Urgences pédiatriques", "Fléché santé de l'enfant"),
    ("Pédiatrie générale", "Fléché santé de l'enfant"),
    ("Gynécologie-obstétrique", "Fléché santé de la femme"),
    ("Gériatrie aiguë", None),
    ("Soins palliatifs", None),
    ("Médecine interne", None),
    ("Maladies infectieuses", None),
    ("Addictologie", None),
    ("Médecine post-urgence", "Fléché urgences"),
    ("Court séjour gériatrique", None),
)

GP_PRACTICE_SERVICES: tuple[tuple[str, str | None], ...] = (
    ("Cabinet de médecine générale", "Fléché SASPAS"),
    ("Maison de santé pluriprofessionnelle", "Fléché SASPAS"),
    ("Centre de santé", None),
    ("Santé de la femme — ambulatoire", "Fléché santé de la femme"),
    ("Santé de l'enfant — ambulatoire", "Fléché santé de l'enfant"),
)

SPECIALTY_EARMARKS: tuple[str, ...] = (
    "Fléché phase socle", "Fléché FST soins palliatifs", "Fléché option précoce",
    "Fléché recherche clinique", "Fléché hôpital de jour",
)

REGIONS: tuple[Region, ...] = (
    Region(
        agency="ARS Auvergne-Rhône-Alpes",
        region="Auvergne-Rhône-Alpes",
        subdivisions=("LYON",),
        faculties=("UFR de médecine Lyon Est", "UFR de médecine Lyon Sud – Charles Mérieux"),
        establishments=(
            Establishment("Hôpital Édouard-Herriot (HCL)", "CHU", "69"),
            Establishment("Hôpital de la Croix-Rousse (HCL)", "CHU", "69"),
            Establishment("Centre hospitalier Lyon-Sud (HCL)", "CHU", "69"),
            Establishment("Hôpital Louis-Pradel (HCL)", "CHU", "69"),
            Establishment("Hôpital Femme Mère Enfant (HCL)", "CHU", "69"),
            Establishment("Hôpital Pierre-Wertheimer (HCL)", "CHU", "69"),
            Establishment("CH de Villefranche-sur-Saône", "CH", "69"),
            Establishment("CH Saint-Joseph Saint-Luc", "ESPIC", "69"),
            Establishment("CH de Bourg-en-Bresse (Fleyriat)", "CH", "01"),
            Establishment("CH du Haut-Bugey (Oyonnax)", "CH", "01"),
            Establishment("CH Lucien-Hussel (Vienne)", "CH", "38"),
            Establishment("CH Pierre-Oudot (Bourgoin-Jallieu)", "CH", "38"),
            Establishment("CH de Givors (Montgelas)", "CH", "69"),
            Establishment("Médipôle Lyon-Villeurbanne", "Clinique", "69"),
            Establishment("Hôpital privé Jean-Mermoz", "Clinique", "69"),
            Establishment("Centre Léon-Bérard", "ESPIC", "69"),
        ),
        practices=(
            ("Villeurbanne", "69"), ("Vénissieux", "69"), ("Vaulx-en-Velin", "69"),
            ("Bron", "69"), ("Caluire-et-Cuire", "69"), ("Oullins-Pierre-Bénite", "69"),
            ("Tassin-la-Demi-Lune", "69"), ("Décines-Charpieu", "69"), ("Meyzieu", "69"),
            ("Tarare", "69"), ("Belleville-en-Beaujolais", "69"), ("Bourg-en-Bresse", "01"),
            ("Ambérieu-en-Bugey", "01"), ("Belley", "01"), ("Trévoux", "01"), ("Vienne", "38"),
            ("Bourgoin-Jallieu", "38"), ("La Tour-du-Pin", "38"),
        ),
        amphis=(
            AmphiPlan(GENERAL_PRACTICE_GROUP, "approfondissement", 380, "open", ("MG",),
                      (date(2026, 11, 30), date(2026, 12, 1))),
            AmphiPlan(MEDICAL_GROUP, "approfondissement", 150, "validated", MEDICAL_DES,
                      (date(2026, 12, 2),)),
        ),
    ),
    Region(
        agency="ARS Bretagne",
        region="Bretagne",
        subdivisions=("RENNES", "BREST"),
        faculties=("UFR de médecine de Rennes",
                   "UFR de médecine et des sciences de la santé de Brest"),
        establishments=(
            Establishment("CHU de Rennes — Pontchaillou", "CHU", "35"),
            Establishment("CHU de Rennes — Hôpital Sud", "CHU", "35"),
            Establishment("CHU de Brest — La Cavale Blanche", "CHU", "29"),
            Establishment("CHU de Brest — Morvan", "CHU", "29"),
            Establishment("CH Yves-Le Foll (Saint-Brieuc)", "CH", "22"),
            Establishment("CH Bretagne Atlantique (Vannes)", "CH", "56"),
            Establishment("Groupe hospitalier Bretagne Sud (Lorient)", "CH", "56"),
            Establishment("CH de Saint-Malo", "CH", "35"),
            Establishment("CHIC de Cornouaille (Quimper)", "CH", "29"),
            Establishment("CH des Pays de Morlaix", "CH", "29"),
            Establishment("CH Centre Bretagne (Pontivy)", "CH", "56"),
            Establishment("CH de Vitré", "CH", "35"),
            Establishment("CH de Lannion-Trestel", "CH", "22"),
            Establishment("CH Guillaume-Régnier", "CH", "35"),
            Establishment("Hôpital privé Sévigné", "Clinique", "35"),
            Establishment("Clinique Pasteur-Lanroze (Brest)", "Clinique", "29"),
        ),
        practices=(
            ("Rennes", "35"), ("Cesson-Sévigné", "35"), ("Redon", "35"), ("Fougères", "35"),
            ("Brest", "29"), ("Quimper", "29"), ("Landerneau", "29"), ("Concarneau", "29"),
            ("Douarnenez", "29"), ("Saint-Brieuc", "22"), ("Dinan", "22"), ("Guingamp", "22"),
            ("Vannes", "56"), ("Lorient", "56"), ("Ploërmel", "56"), ("Pontivy", "56"),
        ),
        amphis=(
            AmphiPlan(GENERAL_PRACTICE_GROUP, "approfondissement", 250, "validated", ("MG",),
                      (date(2026, 12, 7), date(2026, 12, 8))),
            AmphiPlan(GENERAL_PRACTICE_GROUP, "socle", 140, "not_validated", ("MG",),
                      (date(2026, 12, 9),)),
        ),
    ),
    Region(
        agency="ARS Normandie",
        region="Normandie",
        subdivisions=("CAEN", "ROUEN"),
        faculties=("UFR Santé de Caen", "UFR Santé de Rouen"),
        establishments=(
            Establishment("CHU de Caen Normandie", "CHU", "14"),
            Establishment("CHU de Rouen — Charles-Nicolle", "CHU", "76"),
            Establishment("CHU de Rouen — Bois-Guillaume", "CHU", "76"),
            Establishment("GH du Havre — Jacques-Monod", "CH", "76"),
            Establishment("CH Eure-Seine (Évreux)", "CH", "27"),
            Establishment("CH Louis-Pasteur (Cherbourg)", "CH", "50"),
            Establishment("CH Mémorial (Saint-Lô)", "CH", "50"),
            Establishment("CHI Alençon-Mamers", "CH", "61"),
            Establishment("CH Robert-Bisson (Lisieux)", "CH", "14"),
            Establishment("CH de Dieppe", "CH", "76"),
            Establishment("CH Jacques-Monod (Flers)", "CH", "61"),
            Establishment("CH Avranches-Granville", "CH", "50"),
            Establishment("Centre François-Baclesse", "ESPIC", "14"),
            Establishment("Centre Henri-Becquerel", "ESPIC", "76"),
            Establishment("Clinique Saint-Hilaire (Rouen)", "Clinique", "76"),
            Establishment("Hôpital privé Saint-Martin (Caen)", "Clinique", "14"),
        ),
        practices=(
            ("Caen", "14"), ("Bayeux", "14"), ("Vire", "14"), ("Rouen", "76"),
            ("Le Havre", "76"), ("Fécamp", "76"), ("Évreux", "27"), ("Bernay", "27"),
            ("Cherbourg-en-Cotentin", "50"), ("Coutances", "50"), ("Alençon", "61"),
            ("Argentan", "61"),
        ),
        amphis=(
            AmphiPlan(SURGICAL_GROUP, "approfondissement", 120, "not_validated", SURGICAL_DES,
                      (date(2026, 12, 14),)),
        ),
    ),
)
