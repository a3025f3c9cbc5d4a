#!/usr/bin/env bash
# Every test: unit, rule and golden tests (Surefire), then the real-tool suite (Failsafe): generated
# roots through OpenTofu and the real hashicorp/aws provider against moto, in locally built images
# run by Testcontainers, through Terraform up to the plan (TerraformCompatibilityIT), and through
# checkov, tflint and trivy with zero unsuppressed findings (ScannersIT). The toolchain, scanners
# included, is installed first (idempotent; seconds when cached).
#
# On a fresh machine tflint and trivy (1,297 s of Go builds) are built beside the tests instead of
# before them: ScannersIT runs last and waits for that build, failing with its log if it failed.
# Extra arguments go to Maven, e.g. scripts/test.sh -Dit.test=ExamplesE2EIT
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

phase() {
  local name=$1
  shift
  local t0=$SECONDS
  echo "== $name"
  "$@"
  echo "== $name: $((SECONDS - t0))s"
}

phase toolchain env DRSLINK_DEFER_SCANNERS=1 scripts/toolchain.sh install
# TerraformCompatibilityIT proves every root with the machine's `terraform`; without one, with the
# toolchain's Terraform build (cached; about 4 minutes the first time).
command -v terraform >/dev/null || phase terraform scripts/toolchain.sh terraform
# The harness modules (src/harness/*) build and test on their own first: their unit tests, their
# no-drslink-import rule and their README examples (ReadmeExampleIT: tofu on PATH; the emulator's
# with the toolchain's moto image). The product's e2e suite compiles their sources, so no install.
# Only -o/--offline of the extra arguments reaches them (the rest, e.g. -Dit.test, is the product's).
harness_args=()
for a in "$@"; do
  case $a in -o | --offline) harness_args+=(-o) ;; esac
done
(
  eval "$(scripts/toolchain.sh env)"
  for m in terraform emulator; do
    phase "harness-$m" env MOTO_IMAGE="$DRSLINK_MOTO_IMAGE" \
      mvn -B -ntp ${harness_args[@]+"${harness_args[@]}"} -f "src/harness/$m/pom.xml" verify
  done
)
eval "$(scripts/toolchain.sh env)"

if [ -z "$DRSLINK_TFLINT" ] || [ -z "$DRSLINK_TRIVY" ]; then
  # The deferred scanner build: in its own process group (so it can be stopped whole), niced so the
  # tests before ScannersIT keep the cores; its exit status lands in a file ScannersIT waits for.
  { read -r DRSLINK_TFLINT; read -r DRSLINK_TRIVY; } < <(scripts/toolchain.sh scanner-bins)
  pending=$(mktemp -d)/scanners.rc
  export DRSLINK_TFLINT DRSLINK_TRIVY DRSLINK_SCANNERS_PENDING=$pending
  export DRSLINK_SCANNERS_LOG=$DRSLINK_TOOLCHAIN_CACHE/logs/scanners-go.log
  echo "== scanners: building tflint and trivy beside the tests (log: $DRSLINK_SCANNERS_LOG)"
  setsid bash -c 'nice -n 10 scripts/toolchain.sh scanners; echo $? >"$0.tmp"; mv "$0.tmp" "$0"' "$pending" \
    >/dev/null 2>&1 </dev/null &
  scanners_pid=$!
  trap 'kill -- -"$scanners_pid" 2>/dev/null || true' EXIT
fi
phase maven-verify mvn -B -ntp verify "$@"
