#!/usr/bin/env python3
"""Write a synthetic CTG plan table (CSV, the format of data/examples/README.md).

Usage: gen-plan.py N_ACTIONS OUT.csv [--convention OUT.convention] [--seed S]

The plan has 6 axes with 4 objectives each; the actions are spread over the
24 objectives in document order.  Text is French-like and deterministic for a
given seed: titles of 60-180 characters, 1-3 pilots written
"Prénom NOM (rôle)" or as an organisation, start/échéance years 2022-2026
(some with a month), statuses, progress and 0-4 steps.
Python 3 standard library only.
"""
import argparse
import csv
import random

HEADER = ["axe", "thématique", "enjeu", "objectif", "code", "action",
          "description", "pilotes", "partenaires", "début", "échéance",
          "statut", "avancement", "étapes", "moyens", "indicateurs", "notes"]

AXES = [
    "Petite enfance et accueil du jeune enfant",
    "Enfance, jeunesse et temps libre",
    "Parentalité et soutien aux familles",
    "Animation de la vie sociale et participation des habitants",
    "Accès aux droits, inclusion numérique et logement",
    "Handicap, santé et bien-vieillir",
]

VERBS = ["Développer", "Renforcer", "Accompagner", "Structurer", "Favoriser",
         "Coordonner", "Consolider", "Expérimenter", "Mutualiser", "Valoriser",
         "Faciliter", "Diversifier", "Promouvoir", "Adapter", "Soutenir",
         "Créer", "Évaluer", "Pérenniser", "Améliorer", "Étendre"]
NOUNS = ["l'offre d'accueil", "le réseau des assistants maternels",
         "les lieux d'accueil enfants-parents", "les accueils de loisirs",
         "la coordination des acteurs", "l'information des familles",
         "les espaces de vie sociale", "le centre social intercommunal",
         "l'accès aux droits", "la médiation numérique",
         "les actions de soutien à la parentalité", "la mobilité des jeunes",
         "les projets portés par les habitants", "l'inclusion des enfants en situation de handicap",
         "la prévention des départs non souhaités", "les permanences de proximité",
         "le repérage des familles vulnérables", "l'offre de loisirs éducatifs",
         "le guichet unique petite enfance", "les partenariats avec l'Éducation nationale"]
PLACES = ["Nyons", "Buis-les-Baronnies", "Séderon", "Romans-sur-Isère",
          "Valence", "Le Creusot", "Montceau-les-Mines", "Mulhouse",
          "Rixheim", "Illzach", "Bourg-de-Péage", "Montbrun-les-Bains",
          "Saint-Vallier", "Chabeuil", "Portes-lès-Valence"]
TAILS = ["en lien avec le relais petite enfance", "sur l'ensemble du territoire",
         "à l'échelle des bassins de vie", "en s'appuyant sur le diagnostic partagé",
         "avec les communes et les associations partenaires",
         "notamment dans les quartiers prioritaires de la politique de la ville",
         "en direction des familles monoparentales",
         "pour les 11-17 ans et les jeunes adultes",
         "en garantissant l'équité territoriale",
         "grâce à une meilleure lisibilité des offres de services",
         "en cohérence avec le schéma départemental des services aux familles",
         "par la mise en place d'un comité technique dédié",
         "avec un financement au titre de la prestation de service",
         "en expérimentant des horaires atypiques"]
FIRST = ["Cendrine", "Caroline", "Isabelle", "Jean", "Pascale", "Mathieu",
         "Sophie", "Nathalie", "Olivier", "Hélène", "Karim", "Élodie",
         "François", "Amandine", "Sébastien", "Valérie", "Thierry", "Chloé"]
LAST = ["CLEMENÇOT", "BONNOT", "TAMBÉ", "DUPONT", "ROCHAS", "MARTIN",
        "BERNARD", "LEFÈVRE", "GIRAUD", "FAURE", "MOREL", "GARNIER",
        "ROUSSEL", "BENALI", "CHEVALIER", "PERRIN", "MERCIER", "BLANC"]
ROLES = ["coordinatrice petite enfance", "conseiller territorial, Caf",
         "chargée de coopération CTG", "directeur du centre social",
         "référente parentalité, Caf", "élue déléguée à la jeunesse",
         "responsable du service enfance", "animatrice RPE",
         "chef de projet politique de la ville", "DGS adjoint"]
ORGS = ["Caf", "Caf (conseillère territoriale)", "PMI", "Communes",
        "Département", "CCAS", "Éducation nationale", "MSA",
        "Centre social", "Mission locale", "Communauté d'agglomération"]
STATUSES = ["à lancer"] * 4 + ["en cours"] * 4 + ["réalisée"] * 2 + \
           ["reportée", "abandonnée", ""]
STEPS = ["Réunir le groupe de travail", "Établir un état des lieux",
         "Rédiger le cahier des charges", "Présenter le projet en COPIL",
         "Lancer l'appel à projets", "Recruter un coordinateur",
         "Signer les conventions de partenariat", "Ouvrir le service",
         "Réaliser le bilan à mi-parcours", "Communiquer auprès des familles"]


def sentence(rng, lo, hi):
    """A French-like sentence of lo..hi characters."""
    while True:
        target = rng.randint(lo, hi)
        s = f"{rng.choice(VERBS)} {rng.choice(NOUNS)}"
        if rng.random() < 0.5:
            s += f" à {rng.choice(PLACES)}"
        while len(s) < target:
            s += f" {rng.choice(TAILS)}" if rng.random() < 0.6 else \
                 f", et {rng.choice(VERBS).lower()} {rng.choice(NOUNS)}"
        if len(s) <= hi:
            return s


def date(rng, lo_year, lo_month=1):
    """(year, month or 0, text) no earlier than lo_year-lo_month.

    Mixed precision: a year, a month (40%) or, in a later year than the
    bound, a day (15%)."""
    y = rng.randint(lo_year, 2026)
    r = rng.random()
    if r < 0.15 and y > lo_year:
        m = rng.randint(1, 12)
        return y, m, f"{y}-{m:02d}-{rng.randint(1, 28):02d}"
    if r < 0.55:
        m = rng.randint(lo_month if y == lo_year else 1, 12)
        return y, m, f"{y}-{m:02d}"
    return y, 0, str(y)


def pilot(rng):
    if rng.random() < 0.6:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)} ({rng.choice(ROLES)})"
    return rng.choice(ORGS)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--convention", metavar="OUT.convention",
                    help="also write a convention file (title, period, COPIL)")
    ap.add_argument("--seed", type=int, default=2024)
    a = ap.parse_args()

    if a.convention:
        with open(a.convention, "w", encoding="utf-8") as f:
            f.write(f"""[Convention]
Title=Convention Territoriale Globale synthétique ({a.n} actions)
Territory=Communauté d'agglomération de démonstration
CAF=Caf de démonstration
Start=2022
End=2026-12-31
Signed=2022-03

[Signatory 1]
Organisation=Caisse d'allocations familiales
Representative=Jean DUPONT
Role=Directeur

[Body 1]
Name=Comité de pilotage (COPIL)
Kind=copil
Member1=Pascale ROCHAS|Vice-présidente|Communauté d'agglomération
Member2=|Conseillère territoriale|Caf
""")
    rng = random.Random(a.seed)

    objectives = []  # (axis index, objective index, axis, objective text)
    for ai, axis in enumerate(AXES, 1):
        for oi in range(1, 5):
            objectives.append((ai, oi, axis, sentence(rng, 50, 140)))

    with open(a.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(HEADER)
        per = [a.n // 24 + (1 if i < a.n % 24 else 0) for i in range(24)]
        for (ai, oi, axis, obj), count in zip(objectives, per):
            for k in range(1, count + 1):
                status = rng.choice(STATUSES)
                progress = {"réalisée": "100", "à lancer": "0", "": "",
                            "en cours": str(rng.randint(1, 9) * 10)}.get(
                                status, rng.choice(["", "20", "50"]))
                y0, m0, start = date(rng, 2022) if rng.random() < 0.85 else (2022, 0, "")
                end = date(rng, y0, m0 or 1)[2] if rng.random() < 0.8 else ""
                pilots = "\n".join(pilot(rng) for _ in range(rng.randint(1, 3)))
                partners = "\n".join(rng.sample(ORGS, rng.randint(0, 3)))
                steps = []
                for _ in range(rng.randint(0, 4)):
                    s = rng.choice(STEPS)
                    if rng.random() < 0.4:
                        s = f"{rng.randint(2022, 2026)}-{rng.randint(1, 12):02d}: {s}"
                    if rng.random() < 0.3:
                        s = "[x] " + s
                    steps.append(s)
                desc = sentence(rng, 80, 300) + "." if rng.random() < 0.5 else ""
                w.writerow([axis, "", "", obj, f"FA {ai}.{oi}.{k}",
                            sentence(rng, 60, 180), desc, pilots, partners,
                            start, end, status, progress, "\n".join(steps),
                            "", "", ""])


if __name__ == "__main__":
    main()
