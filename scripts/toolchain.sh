#!/usr/bin/env bash
# drslink test toolchain: OpenTofu, a trimmed hashicorp/aws provider in a filesystem mirror,
# moto, a local Docker engine, two locally built images and the security scanners the generated
# roots must pass (checkov from PyPI, tflint and trivy from the Go module proxy). Everything is
# built from package registries only (Go module proxy, PyPI, Debian) and cached OUTSIDE the
# repository under
#   ${DRSLINK_TOOLCHAIN_CACHE:-$HOME/.cache/drslink-toolchain}
# keyed by version, so a second run only checks stamps.
#
#   scripts/toolchain.sh [install]   build/install everything (default)
#   scripts/toolchain.sh env         print export lines: eval "$(scripts/toolchain.sh env)"
#   scripts/toolchain.sh status      what is installed, versions, sizes
#   scripts/toolchain.sh verify      offline end-to-end check: tofu init/apply/destroy of an
#                                    aws_vpc and a private zone against moto (host venv and the
#                                    moto image); fails if the zone's create takes >= 10 s
#                                    (unpatched, its change wait alone is 15 s: delay patch)
#   scripts/toolchain.sh terraform   optional: go install hashicorp/terraform v1.5.7
#   scripts/toolchain.sh scanners    only build tflint and trivy (what `install` defers with
#                                    DRSLINK_DEFER_SCANNERS=1; scripts/test.sh runs it beside the
#                                    tests that do not need them)
#   scripts/toolchain.sh scanner-bins  print the two binaries' paths, built or not
#   scripts/toolchain.sh docker      only (re)start the local Docker engine
#
# Environment knobs:
#   DRSLINK_TOOLCHAIN_CACHE   cache root (default ~/.cache/drslink-toolchain)
#   DRSLINK_AWS_PROVIDER_SRC  build the provider from this local copy of the
#                             terraform-provider-aws module source instead of the Go proxy
#   DRSLINK_ALLOW_NO_PROVIDER=1  do not fail `install` when no provider could be built
#                             (tofu/moto/docker/images are still installed; env prints an
#                             empty DRSLINK_PROVIDER_VERSION)
#   DRSLINK_ALLOW_OLD_PROVIDER=1 accept a provider release outside ">= 5.70.0, < 7.0.0" and
#                             missing resource types (only for experiments; never in CI)
#   DRSLINK_AWS_KEEP          service packages to keep (default "ec2 route53 route53resolver drs sts iam meta")
#   DRSLINK_DEBIAN_MIRROR     Debian mirror for debootstrap (default: from /etc/apt/sources*)
#   DRSLINK_DEFER_SCANNERS=1  `install` leaves tflint and trivy (the two longest builds after
#                             OpenTofu: 1,297 s cold) to `scripts/toolchain.sh scanners`
set -euo pipefail

# ----------------------------------------------------------------------------------------------
# Pinned versions
# ----------------------------------------------------------------------------------------------
TOFU_MODULE=github.com/opentofu/opentofu
TOFU_VERSION=v1.12.6            # newest v1.12.x the Go module proxy served (2026-11)
TOFU_FALLBACK_VERSION=v1.6.3    # plain `go install` works for this one (no replace in go.mod)
AWS_MODULE=github.com/hashicorp/terraform-provider-aws
# Commit pseudo-version (the module path has no /v5 suffix, so release tags are not Go versions).
AWS_REV=v1.60.1-0.20260602190131-5f2286d6d836   # 2026-06-02, release 6.47.0 per its CHANGELOG; what the proxy serves as @latest
AWS_KEEP=${DRSLINK_AWS_KEEP:-"ec2 route53 route53resolver drs sts iam meta"}   # override only for experiments
# Test build only: the provider's waiters sleep 1/30 of their fixed delays (trim-aws-provider.sh
# section 3; patched lines in <provider dir>/patches.txt, `toolchain.sh status` shows them).
AWS_DELAY_DIVISOR=30
AWS_MIN_VERSION=5.70.0          # the generated required_providers: ">= 5.70.0, < 7.0.0"
AWS_MAX_VERSION_EXCL=7.0.0
MOTO_VERSION=5.2.5
MOTO_FALLBACK_MAJOR=5
TERRAFORM_MODULE=github.com/hashicorp/terraform
TERRAFORM_VERSION=v1.5.7
# Security scanners (ScannersIT runs them on every generated root). The tflint AWS ruleset is not
# served by the Go module proxy: tflint runs with its bundled terraform ruleset only.
CHECKOV_VERSION=3.3.30
TFLINT_MODULE=github.com/terraform-linters/tflint
TFLINT_VERSION=v0.64.0
TRIVY_MODULE=github.com/aquasecurity/trivy
TRIVY_VERSION=v0.74.0
DEBIAN_SUITE=bookworm
DEBIAN_INCLUDE=python3,python3-venv,ca-certificates

# Resource types (r:) and data sources (d:) the generated code uses; the trimmed provider must
# have every one of them.
REQUIRED_TYPES="
d:aws_vpc
r:aws_security_group
r:aws_vpc_security_group_ingress_rule
r:aws_vpc_security_group_egress_rule
r:aws_vpc_endpoint
r:aws_route53_zone
r:aws_route53_record
r:aws_route53_zone_association
r:aws_route53_vpc_association_authorization
r:aws_route53_resolver_endpoint
r:aws_vpc_peering_connection
r:aws_vpc_peering_connection_accepter
r:aws_route
r:aws_ec2_transit_gateway_peering_attachment
r:aws_ec2_transit_gateway_peering_attachment_accepter
r:aws_ec2_transit_gateway_route
r:aws_ec2_transit_gateway_route_table_association
d:aws_caller_identity
d:aws_ec2_transit_gateway_vpc_attachment
r:aws_drs_replication_configuration_template
r:aws_subnet
r:aws_route_table
r:aws_ec2_transit_gateway
r:aws_ec2_transit_gateway_vpc_attachment
r:aws_ec2_transit_gateway_route_table
"

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${DRSLINK_TOOLCHAIN_CACHE:-$HOME/.cache/drslink-toolchain}
LOGS=$CACHE/logs
STATE=$CACHE/state
DOCKER_DIR=$CACHE/docker
DOCKER_SOCK=$DOCKER_DIR/docker.sock
export DOCKER_HOST=unix://$DOCKER_SOCK
GOENV_CACHE=$CACHE/go
export GOMODCACHE=$GOENV_CACHE/mod GOCACHE=$GOENV_CACHE/build GOTOOLCHAIN=local CGO_ENABLED=0
export GOFLAGS="-mod=mod -p=2"
export CHECKPOINT_DISABLE=1 AWS_EC2_METADATA_DISABLED=true
unset TF_PLUGIN_CACHE_DIR
# Machines may export TF_CLI_CONFIG_FILE pointing at a missing file; the steps pass their own.
export TF_CLI_CONFIG_FILE=/dev/null

if [ -n "${DRSLINK_AWS_PROVIDER_SRC:-}" ]; then
  DRSLINK_AWS_PROVIDER_SRC=$(cd "$DRSLINK_AWS_PROVIDER_SRC" && pwd)
fi
TOFU_DIR=$CACHE/tofu/$TOFU_VERSION
TOFU_BIN=$TOFU_DIR/bin/tofu
MOTO_DIR=$CACHE/moto/$MOTO_VERSION
TERRAFORM_BIN=$CACHE/terraform/$TERRAFORM_VERSION/bin/terraform
CHECKOV_DIR=$CACHE/scanners/checkov/$CHECKOV_VERSION
CHECKOV_BIN=$CHECKOV_DIR/venv/bin/checkov
TFLINT_BIN=$CACHE/scanners/tflint/$TFLINT_VERSION/bin/tflint
TRIVY_BIN=$CACHE/scanners/trivy/$TRIVY_VERSION/bin/trivy

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
log() { echo "[toolchain] $*" >&2; }
die() { echo "[toolchain] ERROR: $*" >&2; exit 1; }
sha() { sha256sum | cut -c1-12; }

# Steps run as background jobs with their own log; `finish` prints the outcome and duration.
declare -A STEP_PID=() STEP_T0=()
start() { # start NAME FUNCTION
  local name=$1 fn=$2
  mkdir -p "$LOGS"
  log "==> $name (log: $LOGS/$name.log)"
  STEP_T0[$name]=$(now)
  rm -f "$LOGS/$name.end"
  ( trap 'now >"$LOGS/$name.end"' EXIT; set -euo pipefail; "$fn" ) >"$LOGS/$name.log" 2>&1 &
  STEP_PID[$name]=$!
}
finish() { # finish NAME -> returns the step's exit status after printing it
  local name=$1 rc=0 t
  wait "${STEP_PID[$name]}" || rc=$?
  # duration = until the step itself ended (not until we got round to waiting for it)
  if [ -s "$LOGS/$name.end" ]; then
    t=$(awk -v a="${STEP_T0[$name]}" -v b="$(cat "$LOGS/$name.end")" 'BEGIN { printf "%.1f", b - a }')
  else t=$(elapsed "${STEP_T0[$name]}"); fi
  local how; how=$(grep -ohE '^RESULT: .*' "$LOGS/$name.log" | tail -1 | cut -c9-)
  printf '%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$name" "$t" "${how:-rc=$rc}" >>"$LOGS/timings.tsv"
  if [ "$rc" -eq 0 ]; then
    log "<== $name: ${t}s (${how:-ok})"
  else
    log "<== $name: FAILED after ${t}s (rc=$rc); last lines of $LOGS/$name.log:"
    tail -25 "$LOGS/$name.log" | sed 's/^/    /' >&2
  fi
  return "$rc"
}
run() { start "$1" "$2"; finish "$1"; }
started() { [ -n "${STEP_PID[$1]:-}" ]; }

# ----------------------------------------------------------------------------------------------
# 1. OpenTofu from the Go module proxy
# ----------------------------------------------------------------------------------------------
tofu_version() { "$TOFU_BIN" version 2>/dev/null | grep -m1 '^OpenTofu'; }

step_tofu() {
  if [ -x "$TOFU_BIN" ] && [ -f "$TOFU_DIR/.ok" ]; then echo "RESULT: cached $(tofu_version)"; return 0; fi
  mkdir -p "$TOFU_DIR/bin"
  local json dir ver=$TOFU_VERSION
  if ! json=$(go mod download -json "$TOFU_MODULE@$TOFU_VERSION"); then
    echo "$json"
    echo "proxy did not serve $TOFU_MODULE@$TOFU_VERSION; falling back to $TOFU_FALLBACK_VERSION"
    GOBIN=$TOFU_DIR/bin GOFLAGS='' go install -trimpath -ldflags "-s -w -X $TOFU_MODULE/version.dev=no" \
      "$TOFU_MODULE/cmd/tofu@$TOFU_FALLBACK_VERSION"
    ver=$TOFU_FALLBACK_VERSION
  else
    dir=$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
    echo "module dir: $dir ($(grep -m1 '^go ' "$dir/go.mod"))"
    rm -rf "$TOFU_DIR/src"; cp -r "$dir" "$TOFU_DIR/src"; chmod -R u+w "$TOFU_DIR/src"
    (cd "$TOFU_DIR/src" && go build -trimpath -ldflags "-s -w -X $TOFU_MODULE/version.dev=no" \
      -o "$TOFU_BIN.tmp" ./cmd/tofu)
    mv "$TOFU_BIN.tmp" "$TOFU_BIN"
    rm -rf "$TOFU_DIR/src"
  fi
  "$TOFU_BIN" version
  "$TOFU_BIN" plan -help 2>&1 | grep -q -- '-exclude=' || echo "WARNING: tofu plan has no -exclude option"
  echo "$ver" >"$TOFU_DIR/.ok"
  echo "RESULT: built $(tofu_version), $(du -h "$TOFU_BIN" | cut -f1)"
}

# ----------------------------------------------------------------------------------------------
# 2. hashicorp/aws provider (trimmed) and the filesystem mirror
# ----------------------------------------------------------------------------------------------
provider_key() { # cache key: source revision + trim script + Go version
  local src_id
  if [ -n "${DRSLINK_AWS_PROVIDER_SRC:-}" ]; then
    src_id=local-$(cat "$DRSLINK_AWS_PROVIDER_SRC/go.sum" "$DRSLINK_AWS_PROVIDER_SRC/CHANGELOG.md" \
      "$DRSLINK_AWS_PROVIDER_SRC"/internal/provider/*.go 2>/dev/null | sha)
  else
    src_id=$AWS_REV
  fi
  echo "$src_id-$( (cat "$SCRIPT_DIR/trim-aws-provider.sh"; echo "$AWS_KEEP $AWS_DELAY_DIVISOR"; go env GOVERSION) | sha)"
}

changelog_version() { # the release a commit belongs to: first "## X.Y.Z (date)" not "(Unreleased)"
  awk '/^## [0-9]+\.[0-9]+\.[0-9]+ \(/ { if ($0 ~ /\(Unreleased\)/) next; print $2; exit }' "$1/CHANGELOG.md"
}

version_ge() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -1)" = "$2" ]; }

step_provider() {
  local key; key=$(provider_key)
  local pdir=$CACHE/aws/$key
  if [ -f "$pdir/.ok" ]; then
    echo "RESULT: cached $(cat "$pdir/version") ($key)"; write_provider_state "$key"; return 0
  fi
  rm -rf "$pdir"; mkdir -p "$pdir"
  local src rev
  if [ -n "${DRSLINK_AWS_PROVIDER_SRC:-}" ]; then
    src=$DRSLINK_AWS_PROVIDER_SRC; rev="local:$src"
    echo "using local provider source $src"
  else
    local json
    if ! json=$(go mod download -json "$AWS_MODULE@$AWS_REV"); then
      printf '%s\n' "$json"
      echo "the Go module proxy did not serve $AWS_MODULE@$AWS_REV"
      echo "RESULT: UNAVAILABLE (proxy refused $AWS_REV)"
      echo "proxy refused $AWS_MODULE@$AWS_REV" >"$pdir/unavailable"
      write_provider_state "$key"
      return 3
    fi
    src=$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
    rev=$AWS_REV
  fi
  echo "source: $src ($(grep -m1 '^go ' "$src/go.mod"); local $(go env GOVERSION))"
  echo "replace lines: $(grep -c '^replace\|=>' "$src/go.mod" || true)"
  local w=$pdir/src
  cp -r "$src" "$w"; chmod -R u+w "$w"
  rm -rf "$w/website" "$w/.changelog"
  local ver; ver=$(changelog_version "$w")
  [ -n "$ver" ] || die "could not read a release version from $w/CHANGELOG.md"
  echo "version label: $ver (CHANGELOG head: $(grep -m1 '^## ' "$w/CHANGELOG.md"))"
  TRIM_KEEP="$AWS_KEEP" TRIM_DELAY_DIVISOR=$AWS_DELAY_DIVISOR "$SCRIPT_DIR/trim-aws-provider.sh" "$w" 2>&1 | tee "$pdir/trim.log"
  # The test-build delay patch (trim section 3) must have applied: its record stays beside the binary.
  grep -q "^internal/backoff/backoff.go:[0-9]*: + .*drslinkUnscaledNext" "$w/DRSLINK-PATCHES.txt" \
    || die "the provider delay patch did not apply (no record in $w/DRSLINK-PATCHES.txt)"
  cp "$w/DRSLINK-PATCHES.txt" "$pdir/patches.txt"
  local bin=$pdir/terraform-provider-aws_v$ver
  (cd "$w" && go build -trimpath -ldflags "-s -w -X $AWS_MODULE/version.ProviderVersion=$ver" -o "$bin.tmp" .)
  mv "$bin.tmp" "$bin"
  echo "$ver" >"$pdir/version"; echo "$rev" >"$pdir/rev"
  # Unpacked filesystem mirror for both registry host names.
  local host
  for host in registry.terraform.io registry.opentofu.org; do
    mkdir -p "$pdir/mirror/$host/hashicorp/aws/$ver/linux_amd64"
    ln -f "$bin" "$pdir/mirror/$host/hashicorp/aws/$ver/linux_amd64/terraform-provider-aws_v$ver"
  done
  cat >"$pdir/tofurc" <<EOF
# Generated by scripts/toolchain.sh: providers only from the local filesystem mirror.
provider_installation {
  filesystem_mirror {
    path    = "$pdir/mirror"
    include = ["registry.terraform.io/hashicorp/aws", "registry.opentofu.org/hashicorp/aws"]
  }
}
disable_checkpoint = true
EOF
  rm -rf "$w"
  touch "$pdir/.ok"
  write_provider_state "$key"
  echo "RESULT: built $ver from $rev, $(du -h "$bin" | cut -f1)"
}

write_provider_state() {
  mkdir -p "$STATE"; echo "$1" >"$STATE/provider-key"
}

provider_dir() { [ -f "$STATE/provider-key" ] && echo "$CACHE/aws/$(cat "$STATE/provider-key")"; }
provider_ok() { local d; d=$(provider_dir) && [ -f "$d/.ok" ] && [ -f "$d/patches.txt" ]; }
provider_checked() { local d; d=$(provider_dir) && { [ -f "$d/.schema-ok-$TOFU_VERSION" ] || [ -f "$d/.schema-accepted" ]; }; }

step_provider_check() {
  local d; d=$(provider_dir)
  local ver; ver=$(cat "$d/version")
  local stamp=$d/.schema-ok-$TOFU_VERSION
  if [ -f "$stamp" ]; then echo "RESULT: cached (all $(echo $REQUIRED_TYPES | wc -w) types present)"; return 0; fi
  if [ -f "$d/.schema-accepted" ] && [ "${DRSLINK_ALLOW_OLD_PROVIDER:-0}" = 1 ]; then
    echo "RESULT: cached INCOMPLETE, accepted because DRSLINK_ALLOW_OLD_PROVIDER=1 ($(cat "$d/.schema-accepted"))"; return 0
  fi
  local range_ok=1
  if ! version_ge "$ver" "$AWS_MIN_VERSION" || version_ge "$ver" "$AWS_MAX_VERSION_EXCL"; then
    range_ok=0; echo "provider $ver is outside >= $AWS_MIN_VERSION, < $AWS_MAX_VERSION_EXCL"
  fi
  local t; t=$(mktemp -d)
  cat >"$t/main.tf" <<EOF
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "$ver" }
  }
}
EOF
  (cd "$t" && TF_CLI_CONFIG_FILE=$d/tofurc "$TOFU_BIN" init -input=false -no-color >init.log 2>&1) \
    || { cat "$t/init.log"; die "tofu init against the mirror failed"; }
  (cd "$t" && TF_CLI_CONFIG_FILE=$d/tofurc "$TOFU_BIN" providers schema -json >"$d/schema.json")
  rm -rf "$t"
  local missing
  missing=$(python3 - "$d/schema.json" $REQUIRED_TYPES <<'EOF'
import json, sys
schema = json.load(open(sys.argv[1]))
ps = schema["provider_schemas"]
aws = next(v for k, v in ps.items() if k.endswith("/hashicorp/aws"))
res, data = aws.get("resource_schemas", {}), aws.get("data_source_schemas", {})
print(f"# provider has {len(res)} resource types and {len(data)} data sources", file=sys.stderr)
for t in sys.argv[2:]:
    kind, name = t.split(":")
    if name not in (res if kind == "r" else data):
        print(t)
EOF
)
  if [ -n "$missing" ] || [ "$range_ok" = 0 ]; then
    echo "MISSING types: ${missing:-none}"
    if [ "${DRSLINK_ALLOW_OLD_PROVIDER:-0}" = 1 ]; then
      echo "missing: $(echo $missing); version $ver" >"$d/.schema-accepted"
      echo "RESULT: INCOMPLETE, accepted because DRSLINK_ALLOW_OLD_PROVIDER=1 (missing: $(echo $missing))"; return 0
    fi
    echo "RESULT: FAILED (missing: $(echo $missing); version $ver)"; return 1
  fi
  touch "$stamp"
  echo "RESULT: all $(echo $REQUIRED_TYPES | wc -w) required types present in $ver"
}

# ----------------------------------------------------------------------------------------------
# 3. moto (PyPI): wheels downloaded once, installed into the host venv and into the image
# ----------------------------------------------------------------------------------------------
step_moto() {
  if [ -f "$MOTO_DIR/.ok" ]; then echo "RESULT: cached moto $(cat "$MOTO_DIR/.ok")"; return 0; fi
  local py; py=$(command -v python3)
  rm -rf "$MOTO_DIR"; mkdir -p "$MOTO_DIR/wheels"
  local spec="moto[server]==$MOTO_VERSION"
  # `pip wheel` keeps published wheels and builds any sdist once, so both installs are offline.
  if ! "$py" -m pip wheel -q --no-cache-dir -w "$MOTO_DIR/wheels" "$spec"; then
    echo "moto $MOTO_VERSION not served; taking the newest $MOTO_FALLBACK_MAJOR.x"
    spec="moto[server]>=$MOTO_FALLBACK_MAJOR,<$((MOTO_FALLBACK_MAJOR + 1))"
    "$py" -m pip wheel -q --no-cache-dir -w "$MOTO_DIR/wheels" "$spec"
  fi
  "$py" -m venv "$MOTO_DIR/venv"
  "$MOTO_DIR/venv/bin/pip" install -q --no-index --find-links "$MOTO_DIR/wheels" "$spec"
  local v; v=$("$MOTO_DIR/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("moto"))')
  "$MOTO_DIR/venv/bin/pip" freeze >"$MOTO_DIR/requirements.lock"
  echo "$spec" >"$MOTO_DIR/spec"
  echo "$v" >"$MOTO_DIR/.ok"
  echo "RESULT: installed moto $v ($("$py" --version), $(ls "$MOTO_DIR/wheels" | wc -l) wheels)"
}

# ----------------------------------------------------------------------------------------------
# 3b. Security scanners: checkov (PyPI, own venv), tflint and trivy (Go module proxy)
# ----------------------------------------------------------------------------------------------
step_checkov() {
  if [ -x "$CHECKOV_BIN" ] && [ -f "$CHECKOV_DIR/.ok" ]; then echo "RESULT: cached checkov $(cat "$CHECKOV_DIR/.ok")"; return 0; fi
  local py; py=$(command -v python3)
  rm -rf "$CHECKOV_DIR"; mkdir -p "$CHECKOV_DIR"
  "$py" -m venv "$CHECKOV_DIR/venv"
  "$CHECKOV_DIR/venv/bin/pip" install -q --no-cache-dir "checkov==$CHECKOV_VERSION"
  "$CHECKOV_DIR/venv/bin/pip" freeze >"$CHECKOV_DIR/requirements.lock"
  # Never asks PyPI for a newer release when it runs (ScannersIT sets the same variable).
  local v; v=$(CKV_SKIP_PACKAGE_UPDATE_CHECK=true "$CHECKOV_BIN" --version)
  [ "$v" = "$CHECKOV_VERSION" ] || die "checkov reports $v, expected $CHECKOV_VERSION"
  echo "$v" >"$CHECKOV_DIR/.ok"
  echo "RESULT: installed checkov $v ($("$py" --version), $(wc -l <"$CHECKOV_DIR/requirements.lock") packages, $(du -sh "$CHECKOV_DIR/venv" | cut -f1))"
}

scanners_built() { [ -x "$TFLINT_BIN" ] && [ -x "$TRIVY_BIN" ]; }

step_scanners_go() { # tflint, then trivy: one Go build at a time beside the provider's
  local out=()
  if [ -x "$TFLINT_BIN" ]; then out+=("tflint cached")
  else
    local t0; t0=$(now)
    mkdir -p "$(dirname "$TFLINT_BIN")"
    GOBIN=$(dirname "$TFLINT_BIN").tmp go install -trimpath -ldflags "-s -w" "$TFLINT_MODULE@$TFLINT_VERSION"
    mv "$(dirname "$TFLINT_BIN").tmp/tflint" "$TFLINT_BIN"; rmdir "$(dirname "$TFLINT_BIN").tmp"
    out+=("tflint built in $(elapsed "$t0")s")
  fi
  "$TFLINT_BIN" --version
  if [ -x "$TRIVY_BIN" ]; then out+=("trivy cached")
  else
    local t0; t0=$(now)
    mkdir -p "$(dirname "$TRIVY_BIN")"
    # trivy's own build (magefiles/magefile.go) sets GOEXPERIMENT=jsonv2: it imports encoding/json/v2.
    GOEXPERIMENT=jsonv2 GOBIN=$(dirname "$TRIVY_BIN").tmp go install -trimpath -ldflags "-s -w -X $TRIVY_MODULE/pkg/version/app.ver=${TRIVY_VERSION#v}" \
      "$TRIVY_MODULE/cmd/trivy@$TRIVY_VERSION"
    mv "$(dirname "$TRIVY_BIN").tmp/trivy" "$TRIVY_BIN"; rmdir "$(dirname "$TRIVY_BIN").tmp"
    out+=("trivy built in $(elapsed "$t0")s")
  fi
  "$TRIVY_BIN" --version
  echo "RESULT: ${out[*]} ($(du -h "$TFLINT_BIN" | cut -f1) + $(du -h "$TRIVY_BIN" | cut -f1))"
}

# ----------------------------------------------------------------------------------------------
# 4. Docker engine (Debian docker.io) + debootstrap, started on a private socket
# ----------------------------------------------------------------------------------------------
step_apt() {
  local need=()
  command -v dockerd >/dev/null || need+=(docker.io)
  command -v debootstrap >/dev/null || need+=(debootstrap)
  if [ ${#need[@]} -eq 0 ]; then echo "RESULT: cached (dockerd $(dockerd --version | cut -d' ' -f3 | tr -d ,), debootstrap present)"; return 0; fi
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache policy "${need[@]}" | grep -q 'Candidate: [0-9]'; then apt-get update -q; fi
  apt-get install -y -q --no-install-recommends "${need[@]}"
  echo "RESULT: installed ${need[*]}"
}

docker_up() { docker info >/dev/null 2>&1; }

step_dockerd() {
  if docker_up; then echo "RESULT: already answering on $DOCKER_SOCK"; return 0; fi
  command -v dockerd >/dev/null || die "dockerd not installed"
  mkdir -p "$DOCKER_DIR"/{root,exec}
  # The engine outlives this script: it runs in its own session, logging to dockerd.log.
  setsid dockerd --bridge=none --iptables=false --ip6tables=false \
    -H "unix://$DOCKER_SOCK" --data-root "$DOCKER_DIR/root" --exec-root "$DOCKER_DIR/exec" \
    --pidfile "$DOCKER_DIR/docker.pid" >>"$DOCKER_DIR/dockerd.log" 2>&1 </dev/null 9>&- &
  local i
  for i in $(seq 1 120); do
    if docker_up; then
      echo "RESULT: started dockerd pid $(cat "$DOCKER_DIR/docker.pid") after ~$((i / 2))s, server $(docker version -f '{{.Server.Version}} API {{.Server.APIVersion}}')"
      return 0
    fi
    sleep 0.5
  done
  tail -30 "$DOCKER_DIR/dockerd.log"; die "dockerd did not answer within 60s"
}

# ----------------------------------------------------------------------------------------------
# 5. Local images
# ----------------------------------------------------------------------------------------------
debian_mirror() { # the Debian archive apt already uses (URIs:/deb lines, not comments)
  if [ -n "${DRSLINK_DEBIAN_MIRROR:-}" ]; then echo "$DRSLINK_DEBIAN_MIRROR"; return; fi
  local m
  m=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
    | grep -E '^[[:space:]]*(URIs:|deb[[:space:]])' | grep -oE 'https?://[^ ]+/debian/?' | head -1 || true)
  echo "${m:-http://deb.debian.org/debian}"
}

moto_image_tag() {
  (echo "$DEBIAN_SUITE $DEBIAN_INCLUDE"; cat "$MOTO_DIR/requirements.lock" "$MOTO_DIR/spec"; \
   cat "$SCRIPT_DIR/images/moto/entrypoint.sh") | sha
}

debian_base() { echo "$CACHE/images/debian-$DEBIAN_SUITE-$( (echo "$DEBIAN_SUITE $DEBIAN_INCLUDE"; debian_mirror) | sha)"; }

step_debootstrap() { # minimal Debian root (runs in parallel with the moto wheel download)
  if [ -f "$MOTO_DIR/.ok" ] && [ -f "$CACHE/images/moto-rootfs-$(moto_image_tag).tar" ]; then
    echo "RESULT: cached (rootfs tarball exists)"; return 0
  fi
  local base; base=$(debian_base)
  if [ -f "$base/.ok" ]; then echo "RESULT: cached $base"; return 0; fi
  rm -rf "$base" "$base.tmp"; mkdir -p "$base.tmp"
  local mirror; mirror=$(debian_mirror)
  debootstrap --variant=minbase --include="$DEBIAN_INCLUDE" "$DEBIAN_SUITE" "$base.tmp" "$mirror"
  rm -rf "$base.tmp"/var/cache/apt/archives/*.deb "$base.tmp"/var/lib/apt/lists/* \
    "$base.tmp"/usr/share/doc/* "$base.tmp"/usr/share/man/* "$base.tmp"/usr/share/locale/*
  mv "$base.tmp" "$base"; touch "$base/.ok"
  echo "RESULT: debootstrap $DEBIAN_SUITE ($DEBIAN_INCLUDE) from $mirror, $(du -sh "$base" | cut -f1)"
}

step_rootfs() { # the Debian root plus the moto venv, kept as a tarball in the cache
  local tag; tag=$(moto_image_tag)
  local out=$CACHE/images/moto-rootfs-$tag.tar
  if [ -f "$out" ]; then echo "RESULT: cached $out"; return 0; fi
  local base; base=$(debian_base)
  [ -f "$base/.ok" ] || die "no Debian base at $base"
  local r=$CACHE/images/moto-rootfs-$tag.d
  rm -rf "$r"; mv "$base" "$r"; rm -f "$r/.ok"   # consumed: only rebuilt when moto changes
  mkdir -p "$r/tmp/wheels"
  cp "$MOTO_DIR"/wheels/* "$MOTO_DIR/requirements.lock" "$r/tmp/wheels/"
  chroot "$r" /usr/bin/python3 -m venv /opt/moto
  chroot "$r" /usr/bin/env -u PIP_FIND_LINKS /opt/moto/bin/pip install -q --no-cache-dir --no-index \
    --find-links /tmp/wheels -r /tmp/wheels/requirements.lock
  rm -rf "$r/tmp/wheels"
  install -m 0755 "$SCRIPT_DIR/images/moto/entrypoint.sh" "$r/usr/local/bin/moto-entrypoint"
  chroot "$r" /opt/moto/bin/python -c 'import moto, werkzeug, flask; print("moto", moto.__version__)'
  tar -C "$r" --numeric-owner -cf "$out.tmp" .
  mv "$out.tmp" "$out"; rm -rf "$r"
  echo "RESULT: built rootfs tarball $(du -h "$out" | cut -f1)"
}

tofu_image_tag() {
  (echo "$TOFU_VERSION $(cat "$STATE/provider-key" 2>/dev/null)"; cat "$SCRIPT_DIR/images/tofu/tofurc") | sha
}

step_images() {
  local mt tt; mt=$(moto_image_tag); tt=$(tofu_image_tag)
  local moto_img=drslink/moto:$mt tofu_img=drslink/tofu:$tt out=()
  mkdir -p "$STATE"
  if docker image inspect "$moto_img" >/dev/null 2>&1; then out+=("$moto_img cached")
  else
    docker import \
      -c 'ENTRYPOINT ["/usr/local/bin/moto-entrypoint"]' \
      -c 'ENV PATH=/opt/moto/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      -c 'ENV MOTO_PORT=5000' -c 'ENV MOTO_HOST=127.0.0.1' -c 'WORKDIR /tmp' \
      "$CACHE/images/moto-rootfs-$mt.tar" "$moto_img"
    docker tag "$moto_img" drslink/moto:latest
    out+=("$moto_img imported")
  fi
  echo "$moto_img" >"$STATE/moto-image"
  if provider_ok && provider_checked; then
    if docker image inspect "$tofu_img" >/dev/null 2>&1; then out+=("$tofu_img cached")
    else
      local d; d=$(provider_dir)
      local r; r=$(mktemp -d "$CACHE/images/tofu-root.XXXX")
      mkdir -p "$r/usr/local/bin" "$r/opt/tofu" "$r/tmp" "$r/work" "$r/etc"
      chmod 1777 "$r/tmp"
      cp "$TOFU_BIN" "$r/usr/local/bin/tofu"
      cp -a "$d/mirror" "$r/opt/tofu/mirror"
      cp "$SCRIPT_DIR/images/tofu/tofurc" "$r/opt/tofu/tofurc"
      echo 'root:x:0:0:root:/tmp:/usr/local/bin/tofu' >"$r/etc/passwd"
      tar -C "$r" --numeric-owner -c . | docker import \
        -c 'ENTRYPOINT ["/usr/local/bin/tofu"]' -c 'WORKDIR /work' \
        -c 'ENV PATH=/usr/local/bin' -c 'ENV HOME=/tmp' -c 'ENV TMPDIR=/tmp' \
        -c 'ENV TF_CLI_CONFIG_FILE=/opt/tofu/tofurc' -c 'ENV CHECKPOINT_DISABLE=1' \
        -c 'ENV AWS_EC2_METADATA_DISABLED=true' -c 'ENV TF_IN_AUTOMATION=1' \
        - "$tofu_img"
      rm -rf "$r"
      docker tag "$tofu_img" drslink/tofu:latest
      out+=("$tofu_img imported")
    fi
    echo "$tofu_img" >"$STATE/tofu-image"
  else
    rm -f "$STATE/tofu-image"; out+=("drslink/tofu skipped: no provider")
  fi
  echo "RESULT: ${out[*]}"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_http() { # wait_http URL SECONDS
  local i
  for i in $(seq 1 $(( $2 * 5 ))); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

step_images_check() {
  local img timg; img=$(cat "$STATE/moto-image"); timg=$(cat "$STATE/tofu-image" 2>/dev/null || true)
  local stamp; stamp=$CACHE/images/.checked-$(echo "$img $timg" | sha)
  if [ -f "$stamp" ]; then echo "RESULT: cached"; return 0; fi
  local port; port=$(free_port)
  local cid; cid=$(docker run -d --rm --network host "$img" "$port")
  local t0; t0=$(now)
  if ! wait_http "http://127.0.0.1:$port/moto-api/" 60; then
    docker logs "$cid"; docker rm -f "$cid" >/dev/null 2>&1 || true
    die "moto container did not answer on 127.0.0.1:$port"
  fi
  local up; up=$(elapsed "$t0")
  curl -fsS -X POST "http://127.0.0.1:$port/moto-api/reset" >/dev/null
  docker rm -f "$cid" >/dev/null
  local msg="$img answered on 127.0.0.1:$port after ${up}s"
  if [ -n "$timg" ]; then
    docker run --rm --network host "$timg" version
    msg+="; $timg runs"
  fi
  touch "$stamp"
  echo "RESULT: $msg"
}

# ----------------------------------------------------------------------------------------------
# install
# ----------------------------------------------------------------------------------------------
cmd_install() {
  local T0; T0=$(now)
  mkdir -p "$CACHE" "$LOGS" "$STATE" "$CACHE/images"
  cd "$CACHE"   # never run go commands inside somebody's module
  log "cache: $CACHE"
  exec 9>"$CACHE/.install.lock"
  flock 9
  local rc=0 prc=0

  # Independent steps first (apt and pip are network-bound, the two Go builds share the cores).
  start apt step_apt
  start moto step_moto
  start checkov step_checkov
  start tofu step_tofu
  start provider step_provider
  finish apt || rc=1
  if [ $rc = 0 ]; then start dockerd step_dockerd; start debootstrap step_debootstrap; fi
  finish moto || rc=1
  if started debootstrap; then finish debootstrap || rc=1; fi
  [ $rc = 0 ] && start rootfs step_rootfs
  if started dockerd; then finish dockerd || rc=1; fi
  if started rootfs; then finish rootfs || rc=1; fi
  finish tofu || rc=1
  # tflint and trivy build beside the provider, once OpenTofu's build has left the cores, unless
  # the caller builds them itself beside its tests (scripts/test.sh, DRSLINK_DEFER_SCANNERS=1).
  if scanners_built || [ "${DRSLINK_DEFER_SCANNERS:-0}" != 1 ]; then start scanners-go step_scanners_go
  else log "scanners-go: deferred (DRSLINK_DEFER_SCANNERS=1): scripts/toolchain.sh scanners builds them"; fi
  finish provider || prc=$?
  if [ $prc = 0 ] && [ $rc = 0 ]; then
    run provider-check step_provider_check || prc=1
  fi
  if [ $rc = 0 ]; then
    run images step_images || rc=1
  fi
  if [ $rc = 0 ]; then run images-check step_images_check || rc=1; fi
  finish checkov || rc=1
  if started scanners-go; then finish scanners-go || rc=1; fi

  log "install finished in $(elapsed "$T0")s"
  printf '%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" total "$(elapsed "$T0")" "rc=$rc prc=$prc" >>"$LOGS/timings.tsv"
  [ $rc = 0 ] || die "install failed"
  if [ $prc != 0 ]; then
    if [ "${DRSLINK_ALLOW_NO_PROVIDER:-0}" = 1 ]; then
      log "WARNING: no usable hashicorp/aws provider (see $LOGS/provider.log); continuing because DRSLINK_ALLOW_NO_PROVIDER=1"
    else
      die "no usable hashicorp/aws provider (see $LOGS/provider.log and $LOGS/provider-check.log)"
    fi
  fi
}

# ----------------------------------------------------------------------------------------------
# env / status / verify / terraform
# ----------------------------------------------------------------------------------------------
q() { printf '%q' "$1"; }

cmd_env() {
  local d="" ver="" tfrc=""
  if provider_ok; then d=$(provider_dir); ver=$(cat "$d/version"); tfrc=$d/tofurc; fi
  local path_add=""
  [ -x "$TOFU_BIN" ] && path_add+="$TOFU_DIR/bin:"
  [ -x "$MOTO_DIR/venv/bin/moto_server" ] && path_add+="$MOTO_DIR/venv/bin:"
  echo "export PATH=$(q "$path_add")\"\$PATH\""
  echo "export DRSLINK_TOOLCHAIN_CACHE=$(q "$CACHE")"
  echo "export DRSLINK_TOFU=$(q "$TOFU_BIN")"
  echo "export TF_CLI_CONFIG_FILE=$(q "$tfrc")"
  echo "export DRSLINK_PROVIDER_VERSION=$(q "$ver")"
  # true only when every required resource type is present and the release is in range
  local complete=false
  if [ -n "$d" ] && ls "$d"/.schema-ok-* >/dev/null 2>&1; then complete=true; fi
  echo "export DRSLINK_PROVIDER_COMPLETE=$complete"
  echo "export DRSLINK_PROVIDER_REV=$(q "$( [ -n "$d" ] && cat "$d/rev")")"
  echo "export DRSLINK_PROVIDER_MIRROR=$(q "${d:+$d/mirror}")"
  echo "export DRSLINK_PROVIDER_PATCHES=$(q "${d:+$d/patches.txt}")"
  echo "export DRSLINK_TOFU_IMAGE=$(q "$(cat "$STATE/tofu-image" 2>/dev/null || true)")"
  echo "export DRSLINK_MOTO_IMAGE=$(q "$(cat "$STATE/moto-image" 2>/dev/null || true)")"
  echo "export DRSLINK_MOTO_SERVER=$(q "$MOTO_DIR/venv/bin/moto_server")"
  echo "export DOCKER_HOST=$(q "unix://$DOCKER_SOCK")"
  echo "export TESTCONTAINERS_RYUK_DISABLED=true"
  echo "export TESTCONTAINERS_CHECKS_DISABLE=true"
  echo "export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1"
  echo "export AWS_EC2_METADATA_DISABLED=true"
  echo "export CHECKPOINT_DISABLE=1"
  [ -x "$TERRAFORM_BIN" ] && echo "export TERRAFORM=$(q "$TERRAFORM_BIN")"
  # The scanners ScannersIT runs (empty when not installed: the suite then fails, naming the tool).
  echo "export DRSLINK_CHECKOV=$(q "$( [ -f "$CHECKOV_DIR/.ok" ] && echo "$CHECKOV_BIN")")"
  echo "export DRSLINK_TFLINT=$(q "$( [ -x "$TFLINT_BIN" ] && echo "$TFLINT_BIN")")"
  echo "export DRSLINK_TRIVY=$(q "$( [ -x "$TRIVY_BIN" ] && echo "$TRIVY_BIN")")"
  echo "unset TF_PLUGIN_CACHE_DIR"
}

cmd_status() {
  echo "cache: $CACHE"
  if [ -x "$TOFU_BIN" ]; then
    echo "tofu: $TOFU_BIN  $(tofu_version)  $(du -h "$TOFU_BIN" | cut -f1)"
  else echo "tofu: not installed ($TOFU_VERSION)"; fi
  if provider_ok; then
    local d; d=$(provider_dir); local ver; ver=$(cat "$d/version")
    echo "aws provider: $ver from $(cat "$d/rev")  $(du -h "$d/terraform-provider-aws_v$ver" | cut -f1)  mirror $d/mirror"
    local sc=failed
    if ls "$d"/.schema-ok-* >/dev/null 2>&1; then sc="passed (all required types present)"
    elif [ -f "$d/.schema-accepted" ]; then sc="INCOMPLETE, accepted for experiments: $(cat "$d/.schema-accepted")"; fi
    echo "  trim: $(grep -m1 'service packages' "$d/trim.log" | sed 's/^trim-aws-provider: //')"
    echo "  schema check: $sc"
    echo "  test-build patch: $(head -1 "$d/patches.txt") ($d/patches.txt)"
  else
    local d; d=$(provider_dir || true)
    echo "aws provider: not available ${d:+($(cat "$d/unavailable" 2>/dev/null || echo "$d incomplete"))}"
  fi
  if [ -f "$MOTO_DIR/.ok" ]; then
    echo "moto: $(cat "$MOTO_DIR/.ok")  $MOTO_DIR/venv  ($(du -sh "$MOTO_DIR/venv" | cut -f1))"
  else echo "moto: not installed"; fi
  echo "dockerd: $(command -v dockerd || echo missing)  $(docker_up && docker version -f 'server {{.Server.Version}} API {{.Server.APIVersion}}' || echo 'not answering') on $DOCKER_SOCK"
  local img
  for img in tofu-image moto-image; do
    if [ -f "$STATE/$img" ] && docker_up; then
      echo "$img: $(cat "$STATE/$img")  $(docker image inspect -f '{{.Size}}' "$(cat "$STATE/$img")" 2>/dev/null | awk '{printf "%.0f MB", $1/1e6}')"
    else echo "$img: none"; fi
  done
  if [ -x "$TERRAFORM_BIN" ]; then echo "terraform: $("$TERRAFORM_BIN" version | head -1)  $(du -h "$TERRAFORM_BIN" | cut -f1)"
  else echo "terraform: not built (scripts/toolchain.sh terraform)"; fi
  if [ -f "$CHECKOV_DIR/.ok" ]; then echo "checkov: $(cat "$CHECKOV_DIR/.ok")  $CHECKOV_BIN  ($(du -sh "$CHECKOV_DIR/venv" | cut -f1))"
  else echo "checkov: not installed ($CHECKOV_VERSION)"; fi
  if [ -x "$TFLINT_BIN" ]; then echo "tflint: $("$TFLINT_BIN" --version | head -1)  $(du -h "$TFLINT_BIN" | cut -f1)"
  else echo "tflint: not built ($TFLINT_VERSION)"; fi
  if [ -x "$TRIVY_BIN" ]; then echo "trivy: $("$TRIVY_BIN" --version | head -1)  $(du -h "$TRIVY_BIN" | cut -f1)"
  else echo "trivy: not built ($TRIVY_VERSION)"; fi
  [ -f "$LOGS/timings.tsv" ] && { echo "last timings:"; tail -12 "$LOGS/timings.tsv" | sed 's/^/  /'; }
  return 0
}

step_terraform() {
  if [ -x "$TERRAFORM_BIN" ]; then echo "RESULT: cached $("$TERRAFORM_BIN" version | head -1)"; return 0; fi
  mkdir -p "$(dirname "$TERRAFORM_BIN")"
  GOBIN=$(dirname "$TERRAFORM_BIN") GOFLAGS="-p=2" go install -trimpath -ldflags "-s -w" \
    "$TERRAFORM_MODULE@$TERRAFORM_VERSION"
  echo "RESULT: built $("$TERRAFORM_BIN" version | head -1), $(du -h "$TERRAFORM_BIN" | cut -f1)"
}
cmd_terraform() { mkdir -p "$LOGS"; run terraform step_terraform; }

cmd_scanners() { # its own lock: it may run while tests use what `install` built
  mkdir -p "$LOGS" "$CACHE"
  cd "$CACHE"
  exec 8>"$CACHE/.scanners.lock"
  flock 8
  run scanners-go step_scanners_go
}

cmd_verify() { # offline end-to-end: aws_vpc create/destroy against moto, host and image
  provider_ok || die "no provider installed"
  eval "$(cmd_env)"
  local w; w=$(mktemp -d)
  trap 'rm -rf "$w"' RETURN
  local port; port=$(free_port)
  "$MOTO_DIR/venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"$w/moto.log" 2>&1 &
  local mpid=$!
  wait_http "http://127.0.0.1:$port/moto-api/" 30 || die "moto_server did not start"
  cat >"$w/main.tf" <<EOF
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= $AWS_MIN_VERSION, < $AWS_MAX_VERSION_EXCL" }
  }
}
resource "aws_vpc" "probe" {
  cidr_block = "10.77.0.0/16"
  tags       = { Name = "toolchain-verify" }
}
# Unpatched, creating a zone alone waits 15 s for its Route 53 change (route53/change_info.go).
resource "aws_route53_zone" "probe" {
  name = "verify.drslink.test"
  vpc { vpc_id = aws_vpc.probe.id }
}
output "vpc_id" { value = aws_vpc.probe.id }
EOF
  [ "${DRSLINK_ALLOW_OLD_PROVIDER:-0}" = 1 ] && sed -i "s/version = \".*\"/version = \"$DRSLINK_PROVIDER_VERSION\"/" "$w/main.tf"
  cat >"$w/provider_override.tf" <<EOF
provider "aws" {
  region                      = "ap-northeast-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  skip_requesting_account_id  = true
  endpoints {
    ec2     = "http://127.0.0.1:$port"
    route53 = "http://127.0.0.1:$port"
    sts     = "http://127.0.0.1:$port"
  }
}
EOF
  local t0 zone_s; t0=$(now)
  (cd "$w" && tofu init -input=false -no-color >/dev/null && tofu apply -auto-approve -input=false -no-color >apply.log \
     && tofu output -raw vpc_id && echo && tofu destroy -auto-approve -input=false -no-color >destroy.log) \
    || { cat "$w"/*.log; kill "$mpid"; die "host tofu against host moto failed"; }
  kill "$mpid"; wait "$mpid" 2>/dev/null || true
  # The test-build delay patch works: unpatched, the zone waits 15 s for its change before it polls
  # (tofu prints whole seconds: "Creation complete after 15s"); patched, 0.5 s.
  zone_s=$(sed -nE 's/^aws_route53_zone\.probe: Creation complete after ([0-9]+)s .*/\1/p' "$w/apply.log")
  [ -n "$zone_s" ] || { cat "$w/apply.log"; die "apply.log shows no 'aws_route53_zone.probe: Creation complete after <N>s'"; }
  log "host tofu + host moto: init/apply/destroy ok in $(elapsed "$t0")s (the zone's create took ${zone_s}s)"
  [ "$zone_s" -lt 10 ] \
    || die "creating a zone took ${zone_s}s (>= 10 s): the provider's delay patch is not in effect ($(provider_dir)/patches.txt)"
  if [ -n "$DRSLINK_TOFU_IMAGE" ] && [ -n "$DRSLINK_MOTO_IMAGE" ] && docker_up; then
    t0=$(now)
    port=$(free_port)
    sed -i "s#127.0.0.1:[0-9]*#127.0.0.1:$port#" "$w/provider_override.tf"
    rm -rf "$w/.terraform" "$w/.terraform.lock.hcl" "$w"/terraform.tfstate*
    local cid; cid=$(docker run -d --rm --network host "$DRSLINK_MOTO_IMAGE" "$port")
    wait_http "http://127.0.0.1:$port/moto-api/" 60 || { docker rm -f "$cid"; die "moto image did not answer"; }
    local dr=(docker run --rm --network host -v "$w:/work" "$DRSLINK_TOFU_IMAGE")
    { "${dr[@]}" init -input=false -no-color >/dev/null && "${dr[@]}" apply -auto-approve -input=false -no-color >/dev/null \
      && "${dr[@]}" destroy -auto-approve -input=false -no-color >/dev/null; } \
      || { docker rm -f "$cid"; die "tofu image against moto image failed"; }
    docker rm -f "$cid" >/dev/null
    log "tofu image + moto image: init/apply/destroy ok in $(elapsed "$t0")s"
  fi
}

case "${1:-install}" in
  install) cmd_install ;;
  env) cmd_env ;;
  status) cmd_status ;;
  verify) cmd_verify ;;
  terraform) cmd_terraform ;;
  scanners) cmd_scanners ;;
  scanner-bins) printf '%s\n%s\n' "$TFLINT_BIN" "$TRIVY_BIN" ;;
  docker) mkdir -p "$LOGS"; run apt step_apt && run dockerd step_dockerd ;;
  -h|--help|help) sed -n '2,36p' "$0" ;;
  *) die "unknown subcommand: $1 (install|env|status|verify|terraform|scanners|scanner-bins|docker)" ;;
esac
