#!/usr/bin/env bash
# The main job on the bundled example: build the jar, validate and plan the Tokyo -> Osaka topology,
# and generate its Terraform root into build/tokyo-osaka.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

topology=examples/tokyo-osaka/topology.yaml
mvn -q -B -DskipTests package
java -jar target/drslink.jar validate "$topology"
java -jar target/drslink.jar plan "$topology"
java -jar target/drslink.jar generate "$topology" --out build/tokyo-osaka
echo "next: cd build/tokyo-osaka && terraform init && terraform plan   (or tofu)"
