#!/usr/bin/env bash
# Every test: unit, rule and golden tests (Surefire), then the real-tool suite (Failsafe): generated
# roots through OpenTofu and the real hashicorp/aws provider against moto, in locally built images
# run by Testcontainers, through Terraform up to the plan (TerraformCompatibilityIT), and through
# checkov, tflint and trivy with zero unsuppressed findings (ScannersIT). The toolchain, scanners
# included, is installed first (idempotent; seconds when cached).
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

phase toolchain scripts/toolchain.sh install
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
phase maven-verify mvn -B -ntp verify "$@"
