"""Before the window starts on Linux/X11: are the libraries Qt's xcb platform plugin needs there?

Without them Qt aborts with a misleading line ("xcb-cursor0 is needed" when libxcb-icccm4 and
libxcb-keysyms1 are the ones missing) and a core dump. ``missing_message()`` finds the missing ones
first and says, in one line, which they are and how to install them on this system. It only looks
at files (no Qt, no ctypes) unless one seems missing, so the launch pays a few stat calls.

``LIBRARIES`` is what Qt 6.11's ``libqxcb.so`` and ``libQt6XcbQpa.so.6`` link to (a test reads
their ELF headers and keeps it, and the README's install line, true).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# soname: (Debian/Ubuntu, Fedora, Arch, openSUSE) package
LIBRARIES: dict[str, tuple[str, str, str, str]] = {
    "libxcb.so.1": ("libxcb1", "libxcb", "libxcb", "libxcb1"),
    "libX11.so.6": ("libx11-6", "libX11", "libx11", "libX11-6"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb", "libx11", "libX11-xcb1"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon", "libxkbcommon", "libxkbcommon0"),
    "libxkbcommon-x11.so.0": (
        "libxkbcommon-x11-0",
        "libxkbcommon-x11",
        "libxkbcommon-x11",
        "libxkbcommon-x11-0",
    ),
    "libxcb-cursor.so.0": (
        "libxcb-cursor0",
        "xcb-util-cursor",
        "xcb-util-cursor",
        "libxcb-cursor0",
    ),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm", "libxcb-icccm4"),
    "libxcb-keysyms.so.1": (
        "libxcb-keysyms1",
        "xcb-util-keysyms",
        "xcb-util-keysyms",
        "libxcb-keysyms1",
    ),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image", "xcb-util-image", "libxcb-image0"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util", "xcb-util", "libxcb-util1"),
    "libxcb-render-util.so.0": (
        "libxcb-render-util0",
        "xcb-util-renderutil",
        "xcb-util-renderutil",
        "libxcb-render-util0",
    ),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb", "libxcb", "libxcb-render0"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb", "libxcb", "libxcb-randr0"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb", "libxcb", "libxcb-shape0"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb", "libxcb", "libxcb-shm0"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb", "libxcb", "libxcb-sync1"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb", "libxcb", "libxcb-xfixes0"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb", "libxcb", "libxcb-xkb1"),
}
_INSTALLERS = (  # (os-release ids, command, column in LIBRARIES)
    ({"debian", "ubuntu", "linuxmint", "pop", "raspbian"}, "sudo apt install", 0),
    ({"fedora", "rhel", "centos", "rocky", "almalinux"}, "sudo dnf install", 1),
    ({"arch", "manjaro", "endeavouros"}, "sudo pacman -S", 2),
    (
        {"opensuse", "opensuse-leap", "opensuse-tumbleweed", "suse", "sles"},
        "sudo zypper install",
        3,
    ),
)
_SEARCHED = (
    "/usr/lib/x86_64-linux-gnu",
    "/lib/x86_64-linux-gnu",
    "/usr/lib/aarch64-linux-gnu",
    "/lib/aarch64-linux-gnu",
    "/usr/lib64",
    "/lib64",
    "/usr/lib",
    "/lib",
    "/usr/local/lib",
)


def uses_xcb(environ: dict[str, str] | None = None) -> bool:
    """Whether Qt will start on X11 (its xcb plugin) here: Linux, no other platform asked for, and
    not a Wayland session (where Qt takes its Wayland plugin)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    platform = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if platform:
        return platform == "xcb"
    wayland = env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland"
    return not wayland


def _found_as_file(soname: str, folders: list[str]) -> bool:
    return any(os.path.exists(os.path.join(folder, soname)) for folder in folders)


def _loads(soname: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(environ: dict[str, str] | None = None) -> list[str]:
    """The sonames of ``LIBRARIES`` the dynamic linker cannot load: a quick look in the usual
    folders, confirmed by loading only what is not there."""
    env = os.environ if environ is None else environ
    folders = [p for p in env.get("LD_LIBRARY_PATH", "").split(":") if p] + list(_SEARCHED)
    unseen = [name for name in LIBRARIES if not _found_as_file(name, folders)]
    return [name for name in unseen if not _loads(name)]


def install_command(missing: list[str], os_release: Path = Path("/etc/os-release")) -> str | None:
    """The command that installs ``missing`` on this system, None if the system is not known."""
    try:
        fields = dict(
            line.split("=", 1) for line in os_release.read_text().splitlines() if "=" in line
        )
    except OSError:
        return None
    ids = {fields.get("ID", "").strip('"')} | set(fields.get("ID_LIKE", "").strip('"').split())
    for known, command, column in _INSTALLERS:
        if ids & known:
            packages = dict.fromkeys(LIBRARIES[name][column] for name in missing)
            return f"{command} {' '.join(packages)}"
    return None


def missing_message(
    environ: dict[str, str] | None = None, os_release: Path = Path("/etc/os-release")
) -> str | None:
    """One line for the user if the window cannot start for missing libraries, else None."""
    if not uses_xcb(environ):
        return None
    missing = missing_libraries(environ)
    if not missing:
        return None
    line = f"The window needs X11 libraries that are missing: {', '.join(missing)}."
    command = install_command(missing, os_release)
    return f"{line} Install them with: {command}" if command else line
