#!/bin/sh
# Fills the five evaluation indicators of a convention (those of seed 002,
# creusot-montceau) with measures for 2022-2025, for the report's charts,
# the screenshots and the benchmark. Usage: fill-indicators.sh CTG FILE.ctg
set -e
ctg=$1
file=$2
i() { "$ctg" indicator "$file" convention "$@"; }
i 1 --kind résultat --unit % --baseline 0 --baseline-year 2021 --target 100 --target-year 2026 \
    -y 2022 --value 15
i 1 -y 2023 --value 35; i 1 -y 2024 --value 52; i 1 -y 2025 --value 68
i 2 --kind moyen --unit communes --baseline 9 --baseline-year 2021 --target 15 --target-year 2026 \
    -y 2022 --value 10
i 2 -y 2023 --value 11; i 2 -y 2024 --value 11; i 2 -y 2025 --value 13
i 3 --kind résultat --unit places --baseline "1 240" --baseline-year 2021 --target "1 400" --target-year 2026 \
    -y 2022 --value "1 250"
i 3 -y 2023 --value "1 275"; i 3 -y 2024 --value "1 310"; i 3 -y 2025 --value "1 332"
i 4 --kind résultat --unit familles --baseline 820 --baseline-year 2021 --target "1 000" --target-year 2026 \
    -y 2022 --value 845
i 4 -y 2023 --value 880; i 4 -y 2024 --value 910 --comment "nouvel espace de vie sociale"; i 4 -y 2025 --value 955
i 5 --kind résultat --unit % --baseline 62 --baseline-year 2021 --target 75 --target-year 2026 \
    -y 2022 --value 63
i 5 -y 2023 --value "66"; i 5 -y 2024 --value "70,5"; i 5 -y 2025 --value 71
