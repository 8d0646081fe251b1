#!/bin/sh
# Route the qualified X Education leads to a rep table with one rep out of office, in two runs
# that share one routing state. Run from the repository root: sh examples/route/run.sh
# Set FITGATE to use another fitgate command (default: the workspace's `pnpm -s fitgate`).
set -eu
FITGATE=${FITGATE:-pnpm -s fitgate}
here=examples/route
out=$here/out
leads=data/x-education-leads/Leads.csv.gz
rm -rf "$out"
mkdir -p "$out"

# 1. An ICP from the X Education leads. Tags, Lead Quality, Lead Profile and the Asymmetrique
#    columns are filled in by sales after contact (they leak the outcome), so they are left out.
$FITGATE derive "$leads" --outcome Converted --won 1 --lost 0 --missing Select --seed 7 \
  --exclude "Tags,Lead Quality,Lead Profile,Asymmetrique Activity Index,Asymmetrique Profile Index,Asymmetrique Activity Score,Asymmetrique Profile Score" \
  --out "$out/icp.json" >"$out/derive.txt"

# 2. Two batches of leads: the first 4,620 rows and the other 4,620 (the file has no line breaks
#    inside quoted cells, so lines are rows).
zcat "$leads" | head -n 4621 >"$out/batch-1.csv"
{
  zcat "$leads" | head -n 1
  zcat "$leads" | tail -n +4622
} >"$out/batch-2.csv"

# 3. Tuesday 7 May 2024, 09:00 UTC: Neha is out of office (6 to 10 May), Ravi is inactive, Tom
#    takes at most 80 leads a day. QUALIFIED leads go to reps, REVIEW leads to the queue "review".
echo "== run 1: Tuesday 7 May 2024 (Neha out of office)"
$FITGATE route "$out/batch-1.csv" --icp "$out/icp.json" --reps "$here/reps.csv" \
  --state "$out/state.json" --out "$out/assigned-1.csv" --audit "$out/audit-1.jsonl" \
  --at 2024-05-07T09:00Z --review-queue review

# 4. Monday 13 May 2024: Neha is back. The rotation continues from the saved state; she takes her
#    weight share from here on, with no catch-up for the week away.
echo
echo "== run 2: Monday 13 May 2024 (Neha back)"
$FITGATE route "$out/batch-2.csv" --icp "$out/icp.json" --reps "$here/reps.csv" \
  --state "$out/state.json" --out "$out/assigned-2.csv" --audit "$out/audit-2.jsonl" \
  --at 2024-05-13T09:00Z --review-queue review
