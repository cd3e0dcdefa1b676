"""Icons, translations and the desktop entry (installed as fiac_press_desk.resources)."""
