"""Thin launcher so `python main.py` works from a checkout."""

from fiac_press_desk.app import main

if __name__ == "__main__":
    raise SystemExit(main())
