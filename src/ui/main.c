/* main.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ctg-application.h"
#include "ctg-core.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CtgApplication) app = NULL;

  ctg_i18n_init ();

  app = ctg_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
