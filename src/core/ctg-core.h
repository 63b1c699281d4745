/* ctg-core.h: the whole document API
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-action.h"
#include "ctg-array-model.h"
#include "ctg-change-set.h"
#include "ctg-change-text.h"
#include "ctg-csv.h"
#include "ctg-date.h"
#include "ctg-document.h"
#include "ctg-drift.h"
#include "ctg-error.h"
#include "ctg-evaluation.h"
#include "ctg-file-watch.h"
#include "ctg-i18n.h"
#include "ctg-indicator-chart.h"
#include "ctg-item.h"
#include "ctg-merge.h"
#include "ctg-number.h"
#include "ctg-participant.h"
#include "ctg-plan-csv.h"
#include "ctg-plan-update.h"
#include "ctg-sheet.h"
#include "ctg-report.h"
#include "ctg-status.h"
