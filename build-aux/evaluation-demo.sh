#!/bin/sh
# Fills a copy of an example with a year of evaluation (statuses, notes,
# funding, assessments), for the Évaluation page's screenshot and the
# annual review's PDF. Usage: evaluation-demo.sh CTG-TOOL FILE.ctg
set -e
ctg="$1"
f="$2"
y=2025
"$ctg" set "$f" 1 --status "en cours" --progress 60 --budget "120 000" --budget-year $y \
  --funders "Caf: 80000 / Commune (Valence): 30000 / Département: 10000" \
  --referents "Claire FAURE (coordinatrice petite enfance)" \
  --year $y --done "Deux structures confortées au sud, une extension de 12 places à Romans" \
  --difficulties "Recrutement d'auxiliaires de puériculture" --next-steps "Étude des besoins au nord en 2026" \
  --year-status "en cours" --year-progress 60
"$ctg" set "$f" 2 --status "réalisée" --progress 100 --budget "45 000" --budget-year $y --funders "Caf: 30000 / État: 15000" \
  --year $y --done "Micro-crèche ouverte à Saint-Donat (10 places)" --year-status "réalisée"
"$ctg" set "$f" 3 --status "en cours" --progress 30 --continuous oui --funders "Caf / Commune" \
  --year $y --done "Places d'urgence identifiées dans 4 crèches" --difficulties "Peu de places libres en cours d'année" \
  --next-steps "Convention avec les gestionnaires" --year-status "en cours" --year-progress 30
"$ctg" set "$f" 4 --status "abandonnée" --progress "" --year $y --done "Reportée au profit du RPE" --year-status "abandonnée"
"$ctg" set "$f" 5 --status "en cours" --progress 20 --year $y --next-steps "Lancer l'étude en 2026" \
  --year-status "en cours" --year-progress 20
"$ctg" set "$f" 40 --status "en cours" --progress 50 --budget "8 000" --funders "Caf: 5000 / Autre (Fondation de France): 3000" \
  --year $y --done "Six ateliers parents-enfants" --year-status "en cours" --year-progress 50
"$ctg" set "$f" 80 --status "réalisée" --year $y --done "Guide des loisirs distribué" --year-status "réalisée"
"$ctg" assess "$f" 1 $y --level "partiellement atteint" --value "31 fiches sur 219 engagées" \
  --comment "Démarrage progressif, priorité petite enfance"
"$ctg" assess "$f" 2 $y --level "atteint" --value "52 communes sur 54 signataires" --comment "Deux communes à relancer"
"$ctg" assess "$f" 3 $y --level "partiellement atteint" --comment "Nord du territoire encore peu couvert"
"$ctg" assess "$f" 4 $y --level "atteint" --value "+22 places d'accueil"
# Where every action stands at the end of the year, as the page's Record
# Statuses keeps it: what the annual review's figures count. It copies each
# action's progress too, hence the 100 % and the none given above over
# what tests/make-demo had set
"$ctg" evaluation "$f" --record-year $y
