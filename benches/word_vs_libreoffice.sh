#!/usr/bin/env bash
# Word redlines: `redline diff OLD.docx NEW.docx -o OUT.docx` against LibreOffice's own
# Edit > Track Changes > Compare Document (UNO `.uno:CompareDocuments`, through
# fixtures/docx/uno_compare.py) of the same two Word revisions. Whole processes, the
# LibreOffice start included (a fresh profile each run, as a script or a server would),
# interleaved run by run after one warm-up. Then both outputs are opened in LibreOffice
# (fixtures/docx/uno_check.py) to count the tracked changes each made.
#
# Usage: bash benches/word_vs_libreoffice.sh [OUT] (default target/bench/word); RUNS=5.
# Needs the release binary's build, soffice with python3-uno, and the generated inputs
# (cargo xtask bench-inputs, for the 1 MB pair, made into .docx by LibreOffice).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-target/bench/word}")
runs=${RUNS:-5}
mkdir -p "$out"
cargo build --release --quiet --bin redline
redline=target/release/redline
compare=fixtures/docx/uno_compare.py
profile="-env:UserInstallation=file://$out/profile"

# The pairs: the DL/23 pair (30 KB of text), a 1 MB generated pair, the table pair.
cargo xtask bench-inputs "$out/inputs" --quick >/dev/null 2>&1
for side in old new; do
    if [ ! -f "$out/1mb-$side.docx" ]; then
        soffice "$profile" --headless --infilter='Text (encoded):UTF8,LF,,,' \
            --convert-to 'docx:MS Word 2007 XML' --outdir "$out/convert-$side" \
            "$out/inputs/1mb-2pc/$side.txt" >/dev/null 2>&1
        cp "$out/convert-$side/$side.docx" "$out/1mb-$side.docx"
    fi
done
pairs=(
    "dl23 fixtures/res140/docx/01-guadalajara-2010.docx fixtures/res140/docx/02-busan-2014-dl23-rev2.docx"
    "1mb $out/1mb-old.docx $out/1mb-new.docx"
    "table fixtures/docx/table-layout.docx fixtures/docx/edited/table-layout.docx"
)

# Seconds of one whole process.
elapsed() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "| pair | old / new text | redline (median of $runs) | LibreOffice Compare (median of $runs) | ratio |"
echo "| --- | --- | ---: | ---: | ---: |"
for pair in "${pairs[@]}"; do
    read -r name old new <<<"$pair"
    ours="$out/$name.redline.docx"
    theirs="$out/$name.libreoffice.docx"
    elapsed "$redline" diff "$old" "$new" -o "$ours" >/dev/null
    elapsed /usr/bin/python3 "$compare" "$old" "$new" "$theirs" >/dev/null
    : >"$out/$name.redline.times"
    : >"$out/$name.libreoffice.times"
    for _ in $(seq "$runs"); do
        elapsed "$redline" diff "$old" "$new" -o "$ours" >>"$out/$name.redline.times"
        elapsed /usr/bin/python3 "$compare" "$old" "$new" "$theirs" >>"$out/$name.libreoffice.times"
    done
    a=$(median <"$out/$name.redline.times")
    b=$(median <"$out/$name.libreoffice.times")
    size=$("$redline" accept "$old" | wc -c)/$("$redline" accept "$new" | wc -c)
    printf '| %s | %s bytes | %.3f s | %.2f s | %.0fx |\n' "$name" "$size" "$a" "$b" "$(echo "$b / $a" | bc -l)"
done

# The tracked changes each made, as LibreOffice lists them.
files=()
for pair in "${pairs[@]}"; do
    read -r name _ _ <<<"$pair"
    files+=("$out/$name.redline.docx" "$out/$name.libreoffice.docx")
done
/usr/bin/python3 fixtures/docx/uno_check.py "$out" "${files[@]}" >/dev/null 2>&1 || true
echo
echo "| pair | tracked changes: redline | tracked changes: LibreOffice |"
echo "| --- | ---: | ---: |"
for pair in "${pairs[@]}"; do
    read -r name _ _ <<<"$pair"
    count() { cut -f1 "$out/$name.$1.redlines.tsv" | sort | uniq -c | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}'; }
    echo "| $name | $(wc -l <"$out/$name.redline.redlines.tsv") ($(count redline)) | $(wc -l <"$out/$name.libreoffice.redlines.tsv") ($(count libreoffice)) |"
done
