#!/usr/bin/env bash
# Speed and memory benchmark (targets live here, never in unit tests): generates a synthetic topology
# with N source VPCs fanning into one recovery VPC per region pair, then times validate, plan and
# generate with a capped heap. Fails when a target is missed.
#   scripts/bench.sh [N=400] [max seconds per command=10] [heap=256m]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=${1:-400}
max_seconds=${2:-10}
heap=${3:-256m}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -f target/drslink.jar ] || mvn -q -B -DskipTests package

topology=$work/topology.yaml
{
  echo "version: 1"
  echo "name: bench"
  echo "regions:"
  echo "  - name: us-east-1"
  echo "    vpcs:"
  for i in $(seq 1 "$n"); do
    printf '      - { name: app%d, id: vpc-%08x, cidr: 10.%d.%d.0/24, route_table_ids: [rtb-%08x] }\n' "$i" "$i" $((i / 256)) $((i % 256)) "$i"
  done
  echo "  - name: us-west-2"
  echo "    vpcs:"
  echo "      - { name: dr, id: vpc-0fffffff, cidr: 172.16.0.0/16, endpoint_subnet_ids: [subnet-0aaaaaaa, subnet-0bbbbbbb], staging_subnet_id: subnet-0ccccccc }"
  echo "connectivity:"
  for i in $(seq 1 "$n"); do
    echo "  - { type: vpc_peering, vpcs: [app$i, dr] }"
  done
  echo "replication:"
  for i in $(seq 1 "$n"); do
    echo "  - { name: r$i, sources: [app$i], target: dr, failback: false }"
  done
} >"$topology"

fail=0
for command in validate plan generate; do
  args=("$command" -q "$topology")
  [ "$command" = generate ] && args+=(--out "$work/out")
  start=$(date +%s.%N)
  java -Xmx"$heap" -jar target/drslink.jar "${args[@]}" >/dev/null
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  verdict=ok
  if (($(echo "$seconds > $max_seconds" | bc))); then verdict=SLOW; fail=1; fi
  printf '%-9s %4d VPCs  %6.2fs  (heap %s, target <= %ss)  %s\n' "$command" "$((n + 1))" "$seconds" "$heap" "$max_seconds" "$verdict"
done
exit $fail
