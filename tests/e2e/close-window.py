#!/usr/bin/python3
"""Clicks a window's close button the way a window manager does: sends WM_DELETE_WINDOW.

    /usr/bin/python3 close-window.py "Northstar" [PID]     (on $DISPLAY)

Under Xvfb there is no window manager, so the client message goes straight to the top-level
window named NAME (the largest one, as xwininfo lists it). With PID, every window of that
process with the name gets it (GTK sets _NET_WM_PID): another Northstar still closing from an
earlier test has the same name. Exit code 1 when there is none.
"""
import sys

from Xlib import X, display, protocol


def pid_of(screen, window):
    reply = window.get_full_property(screen.intern_atom("_NET_WM_PID"), X.AnyPropertyType)
    return reply.value[0] if reply is not None and len(reply.value) else None


def find(screen, window, name, pid, found):
    try:
        if window.get_wm_name() == name and (pid is None or pid_of(screen, window) == pid):
            geometry = window.get_geometry()
            found.append((geometry.width * geometry.height, window))
        for child in window.query_tree().children:
            find(screen, child, name, pid, found)
    except Exception:  # windows can vanish while we walk the tree
        pass


def main():
    name = sys.argv[1]
    pid = int(sys.argv[2]) if len(sys.argv) > 2 else None
    screen = display.Display()
    found = []
    find(screen, screen.screen().root, name, pid, found)
    if not found:
        owner = "" if pid is None else f" of process {pid}"
        print(f"no window named {name!r}{owner}", file=sys.stderr)
        return 1
    # Of one process, every window with the name (it has one toplevel, but GTK may keep another
    # X window of the same name and size); otherwise the largest, as a user would pick.
    windows = [window for _, window in found] if pid is not None else [max(found, key=lambda pair: pair[0])[1]]
    protocols = screen.intern_atom("WM_PROTOCOLS")
    delete = screen.intern_atom("WM_DELETE_WINDOW")
    for window in windows:
        event = protocol.event.ClientMessage(
            window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
        )
        window.send_event(event, event_mask=X.NoEventMask)
    screen.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
