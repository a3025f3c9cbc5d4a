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
eval "$(scripts/toolchain.sh env)"
phase maven-verify mvn -B -ntp verify "$@"
