#!/bin/sh
# The quick start: derive an ICP from the bundled bank-marketing deals (45,211 real contacts,
# CC BY 4.0), explain it, and qualify fifteen leads. Writes to out/quickstart/.
set -e
cd "$(dirname "$0")/../.."
mkdir -p out/quickstart

pnpm -s fitgate derive data/bank-marketing/bank-full.csv.gz --outcome y --won yes --lost no \
  --special pdays=-1 --capacity 100/week --volume 1000/week \
  --out out/quickstart/icp.json
echo
pnpm -s fitgate explain out/quickstart/icp.json | sed -n '1,40p'
echo
pnpm -s fitgate qualify examples/quickstart/leads.csv --icp out/quickstart/icp.json \
  --out out/quickstart/scored.csv
echo
cut -d, -f1,3,18,22,23,24 out/quickstart/scored.csv
