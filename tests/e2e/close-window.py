#!/usr/bin/python3
"""Clicks a window's close button the way a window manager does: sends WM_DELETE_WINDOW.

    /usr/bin/python3 close-window.py "Northstar"     (on $DISPLAY)

Under Xvfb there is no window manager, so the client message goes straight to the top-level
window named NAME (the largest one, as xwininfo lists it). Exit code 1 when there is none.
"""
import sys

from Xlib import X, display, protocol


def find(window, name, found):
    try:
        if window.get_wm_name() == name:
            geometry = window.get_geometry()
            found.append((geometry.width * geometry.height, window))
        for child in window.query_tree().children:
            find(child, name, found)
    except Exception:  # windows can vanish while we walk the tree
        pass


def main():
    name = sys.argv[1]
    screen = display.Display()
    found = []
    find(screen.screen().root, name, found)
    if not found:
        print(f"no window named {name!r}", file=sys.stderr)
        return 1
    window = max(found, key=lambda pair: pair[0])[1]
    protocols = screen.intern_atom("WM_PROTOCOLS")
    delete = screen.intern_atom("WM_DELETE_WINDOW")
    event = protocol.event.ClientMessage(
        window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
    )
    window.send_event(event, event_mask=X.NoEventMask)
    screen.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
