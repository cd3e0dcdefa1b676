"""`python -m fiac_press_desk` behaves like the installed `fiac-press-desk` command."""

from fiac_press_desk.app import main

raise SystemExit(main())
