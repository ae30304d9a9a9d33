"""Installing planpack (issue 14): `cmake --install` and the .deb CPack makes both give a
planpack that finds its templates beside itself (BIN/../share/planpack), builds the example
service and starts a new one, with no path into the source tree compiled in; the .deb
depends only on Debian packages. The .deb is unpacked with dpkg -x into a scratch root
(a whole fresh Debian 12 would cost minutes of CI)."""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

from checks import Checks

planpack, root = sys.argv[1], sys.argv[2]
build_dir = os.path.dirname(os.path.abspath(planpack))
check = Checks()


def service_copy(dest):
    """The example service without its templates/ folder: it must use the installed ones."""
    os.makedirs(dest)
    for name in ("planpack.toml", "content", "data", "meetings"):
        src = os.path.join(root, name)
        (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, os.path.join(dest, name))


def try_installed(binary, tmp, label):
    with open(binary, "rb") as f:
        check(os.path.join(os.path.abspath(root), "templates").encode() not in f.read(),
              f"{label}: no source-tree templates path is compiled into the binary")
    svc = os.path.join(tmp, label + "-example")
    service_copy(svc)
    r = subprocess.run([binary, "build", "--root", svc, "--format", "html,pdf"], capture_output=True, text=True, cwd=tmp)
    check(r.returncode == 0, f"{label}: the installed planpack builds the example: " + r.stderr[-600:])
    check(os.path.isfile(os.path.join(svc, "site", "youth-justice-plan-2023-24", "youth-justice-plan-2023-24.pdf")),
          f"{label}: with its PDF")
    fresh = os.path.join(tmp, label + "-new")
    r = subprocess.run([binary, "new", "service", fresh], capture_output=True, text=True, cwd=tmp)
    check(r.returncode == 0, f"{label}: the installed planpack starts a new service: " + r.stderr)
    r = subprocess.run([binary, "check", "--root", fresh], capture_output=True, text=True, cwd=tmp)
    check(r.returncode == 0 and r.stderr == "", f"{label}: which checks clean: " + r.stderr)


with tempfile.TemporaryDirectory() as tmp:
    prefix = os.path.join(tmp, "prefix")
    r = subprocess.run(["cmake", "--install", build_dir, "--prefix", prefix], capture_output=True, text=True)
    check(r.returncode == 0, "cmake --install: " + r.stderr)
    check(os.path.isfile(os.path.join(prefix, "share", "planpack", "templates", "html", "layout.mustache")),
          "the templates are installed under share/planpack/templates")
    try_installed(os.path.join(prefix, "bin", "planpack"), tmp, "cmake --install")

    pkg = os.path.join(tmp, "pkg")
    r = subprocess.run(["cpack", "-G", "DEB", "-B", pkg, "--config", os.path.join(build_dir, "CPackConfig.cmake")],
                       capture_output=True, text=True)
    debs = glob.glob(os.path.join(pkg, "*.deb"))
    check(r.returncode == 0 and len(debs) == 1, "cpack makes one .deb: " + r.stdout[-400:] + r.stderr[-400:])
    if debs:
        deb = debs[0]
        depends = subprocess.run(["dpkg-deb", "-f", deb, "Depends"], capture_output=True, text=True).stdout
        names = [d.strip().split(" ")[0] for d in depends.split(",") if d.strip()]
        check(len(names) >= 5, f"the .deb lists its dependencies ({names})")
        unknown = [n for n in names
                   if subprocess.run(["dpkg-query", "-W", n], capture_output=True).returncode != 0]
        check(not unknown, f"every dependency is a Debian package (installed here): not {unknown}")
        listing = subprocess.run(["dpkg-deb", "-c", deb], capture_output=True, text=True).stdout
        check("./usr/bin/planpack" in listing and "./usr/share/planpack/templates/html/layout.mustache" in listing,
              "the .deb holds /usr/bin/planpack and /usr/share/planpack/templates")
        unpacked = os.path.join(tmp, "root")
        r = subprocess.run(["dpkg", "-x", deb, unpacked], capture_output=True, text=True)
        check(r.returncode == 0, "dpkg -x: " + r.stderr)
        try_installed(os.path.join(unpacked, "usr", "bin", "planpack"), tmp, "the .deb")

check.finish()
