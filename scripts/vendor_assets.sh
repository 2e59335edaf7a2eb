#!/usr/bin/env bash
# Vendor the built front-end assets (DKFDS design system + htmx) into web/static/vendor/
# so the app never needs npm at run time. Re-run after changing the pinned versions.
#
#   bash scripts/vendor_assets.sh
#
# Needs: npm (only when vendoring), tar, python3.
set -euo pipefail

DKFDS_VERSION="11.2.0"
HTMX_VERSION="2.0.11"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR="$ROOT/web/static/vendor"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

cd "$TMP"
npm pack --silent "dkfds@${DKFDS_VERSION}" "htmx.org@${HTMX_VERSION}" >/dev/null
mkdir dkfds htmx
tar -xzf "dkfds-${DKFDS_VERSION}.tgz" -C dkfds --strip-components=1
tar -xzf "htmx.org-${HTMX_VERSION}.tgz" -C htmx --strip-components=1

# --- DKFDS ------------------------------------------------------------------
DIST="$TMP/dkfds/dist"
OUT="$VENDOR/dkfds"
rm -rf "$OUT"
mkdir -p "$OUT/css" "$OUT/js"
cp "$DIST/css/dkfds.min.css" "$OUT/css/"
cp "$DIST/js/dkfds.min.js" "$OUT/js/"
cp "$TMP/dkfds/LICENSE.md" "$OUT/LICENSE.md"

# Copy exactly the files the stylesheet references via url(...) (fonts, icons,
# images), keeping their relative paths so the CSS resolves them unchanged.
python3 - "$DIST" "$OUT" <<'PY'
import os, re, shutil, sys
dist, out = sys.argv[1], sys.argv[2]
css_path = os.path.join(out, "css", "dkfds.min.css")
css = open(css_path, encoding="utf-8").read()
# Drop the sourceMappingURL comment: we do not ship source maps.
css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
open(css_path, "w", encoding="utf-8").write(css)
refs = set()
for m in re.finditer(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", css):
    ref = m.group(1).split("#")[0].split("?")[0]
    if ref.startswith(("data:", "http:", "https:", "//")) or not ref:
        continue
    refs.add(ref)
missing = []
for ref in sorted(refs):
    src = os.path.normpath(os.path.join(dist, "css", ref))
    dst = os.path.normpath(os.path.join(out, "css", ref))
    if not dst.startswith(out + os.sep):
        sys.exit(f"url() escapes vendor dir: {ref}")
    if not os.path.isfile(src):
        missing.append(ref)
        continue
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copy2(src, dst)
if missing:
    sys.exit("CSS references files not in the package: " + ", ".join(missing))
print(f"dkfds: copied {len(refs)} files referenced by dkfds.min.css")
PY

# JS file as well has no source map shipped.
sed -i 's|//# sourceMappingURL=.*$||' "$OUT/js/dkfds.min.js"

# Font licence (SIL OFL 1.1) for IBM Plex Sans.
cp "$DIST/fonts/IBMPlexSans/complete/woff2/license.txt" "$OUT/fonts/IBMPlexSans/LICENSE-OFL.txt"

# Icon sprite (<svg><use href=".../all-svg-icons.svg#name"></use></svg>).
mkdir -p "$OUT/img"
cp "$TMP/dkfds/src/img/all-svg-icons.svg" "$OUT/img/all-svg-icons.svg"

# --- htmx -------------------------------------------------------------------
rm -rf "$VENDOR/htmx"
mkdir -p "$VENDOR/htmx"
cp "$TMP/htmx/dist/htmx.min.js" "$VENDOR/htmx/htmx.min.js"
cp "$TMP/htmx/LICENSE" "$VENDOR/htmx/LICENSE"

# --- versions ---------------------------------------------------------------
cat > "$VENDOR/VERSIONS.txt" <<EOF
# Vendored front-end assets. Regenerate with: bash scripts/vendor_assets.sh
dkfds ${DKFDS_VERSION} (npm: dkfds; licence: MIT AND OFL-1.1 AND Apache-2.0, see dkfds/LICENSE.md)
htmx.org ${HTMX_VERSION} (npm: htmx.org; licence: 0BSD, see htmx/LICENSE)
EOF

echo "Vendored dkfds ${DKFDS_VERSION} and htmx.org ${HTMX_VERSION} into ${VENDOR}"
du -sh "$VENDOR"
