#!/usr/bin/env bash
# Graviton-readiness check, without Docker: builds every service image for linux/amd64 and linux/arm64
# with Jib into a registry on loopback, checks each manifest list holds both architectures, then boots
# the arm64 gateway under qemu user emulation until it answers its liveness endpoint.
#
# The JRE base is assembled here from Debian packages (one root filesystem per architecture), so the
# check needs no registry but Maven Central and Debian. Run as root on Debian/Ubuntu (apt-get installs
# what is missing); takes 5-15 minutes (the emulated JVM alone needs 1-5 minutes to start). Usage: deploy/images/build-multiarch.sh
# Settings (environment): REGISTRY_PORT (5000), DEBIAN_SUITE (bookworm), DEBIAN_MIRROR, WORK_DIR,
# GATEWAY_PORT (18080), HEALTH_TIMEOUT_SECONDS (600).
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
REGISTRY_PORT=${REGISTRY_PORT:-5000}
REGISTRY=127.0.0.1:${REGISTRY_PORT}
DEBIAN_SUITE=${DEBIAN_SUITE:-bookworm}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
WORK_DIR=${WORK_DIR:-${ROOT}/target/multiarch}
HEALTH_TIMEOUT_SECONDS=${HEALTH_TIMEOUT_SECONDS:-600}
GATEWAY_PORT=${GATEWAY_PORT:-18080}
BASE_IMAGE=${REGISTRY}/base/jre:17
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
ARCHITECTURES=(amd64 arm64)
SERVICES=(ingest-gateway fraud-detector review-console)

registry_pid=""
service_pid=""
rootfs=""

log() { printf '\n== %s\n' "$*"; }

cleanup() {
  if [[ -n "$service_pid" ]]; then
    kill "$service_pid" 2>/dev/null || true
    # The mounts below stay busy until the emulated JVM has exited.
    wait "$service_pid" 2>/dev/null || true
  fi
  if [[ -n "$rootfs" ]]; then
    umount "$rootfs/proc" 2>/dev/null || true
    umount "$rootfs/dev" 2>/dev/null || true
  fi
  [[ -n "$registry_pid" ]] && kill "$registry_pid" 2>/dev/null || true
}
trap cleanup EXIT

install_tools() {
  local missing=()
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v skopeo >/dev/null || missing+=(skopeo)
  command -v umoci >/dev/null || missing+=(umoci)
  command -v qemu-aarch64-static >/dev/null || missing+=(qemu-user-static)
  command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
  command -v curl >/dev/null || missing+=(curl)
  if ((${#missing[@]})); then
    log "Installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

start_registry() {
  log "Registry on ${REGISTRY}"
  mkdir -p "$WORK_DIR/registry"
  cat > "$WORK_DIR/registry.yml" <<YAML
version: 0.1
storage:
  filesystem:
    rootdirectory: $WORK_DIR/registry
http:
  addr: ${REGISTRY}
YAML
  docker-registry serve "$WORK_DIR/registry.yml" > "$WORK_DIR/registry.log" 2>&1 &
  registry_pid=$!
  for _ in $(seq 1 50); do
    curl -fsS "http://${REGISTRY}/v2/" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "registry did not start: see $WORK_DIR/registry.log" >&2
  exit 1
}

# Writes a blob into the OCI layout and prints "sha256:<hex> <size>".
put_blob() {
  local file=$1 layout=$2 digest size
  digest=$(sha256sum "$file" | cut -d' ' -f1)
  size=$(stat -c %s "$file")
  cp "$file" "$layout/blobs/sha256/$digest"
  echo "sha256:$digest $size"
}

# One root filesystem per architecture with Debian's headless JRE, as an OCI image index.
build_base_image() {
  local layout=$WORK_DIR/base-layout entries=() arch
  rm -rf "$layout" && mkdir -p "$layout/blobs/sha256"
  echo '{"imageLayoutVersion":"1.0.0"}' > "$layout/oci-layout"
  for arch in "${ARCHITECTURES[@]}"; do
    log "JRE base for $arch"
    local tar=$WORK_DIR/rootfs-$arch.tar
    [[ -f "$tar" ]] || mmdebstrap --variant=extract --arch="$arch" \
      --include=openjdk-17-jre-headless,ca-certificates "$DEBIAN_SUITE" "$tar" "deb $DEBIAN_MIRROR $DEBIAN_SUITE main"
    local diff_id layer config manifest
    diff_id=sha256:$(sha256sum "$tar" | cut -d' ' -f1)
    gzip -c -n "$tar" > "$WORK_DIR/layer-$arch.tar.gz"
    read -r layer_digest layer_size < <(put_blob "$WORK_DIR/layer-$arch.tar.gz" "$layout")
    cat > "$WORK_DIR/config-$arch.json" <<JSON
{"architecture":"$arch","os":"linux","config":{"Env":["PATH=/usr/lib/jvm/java-17-openjdk-$arch/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},"rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
    read -r config_digest config_size < <(put_blob "$WORK_DIR/config-$arch.json" "$layout")
    cat > "$WORK_DIR/manifest-$arch.json" <<JSON
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"$config_digest","size":$config_size},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"$layer_digest","size":$layer_size}]}
JSON
    read -r manifest_digest manifest_size < <(put_blob "$WORK_DIR/manifest-$arch.json" "$layout")
    entries+=("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"$manifest_digest\",\"size\":$manifest_size,\"platform\":{\"architecture\":\"$arch\",\"os\":\"linux\"}}")
  done
  local joined
  joined=$(IFS=,; echo "${entries[*]}")
  echo "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[$joined]}" \
    > "$WORK_DIR/base-index.json"
  read -r index_digest index_size < <(put_blob "$WORK_DIR/base-index.json" "$layout")
  cat > "$layout/index.json" <<JSON
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"$index_digest","size":$index_size,"annotations":{"org.opencontainers.image.ref.name":"17"}}]}
JSON
  skopeo copy --all --dest-tls-verify=false "oci:$layout:17" "docker://$BASE_IMAGE"
}

build_service_images() {
  log "Service images with Jib on $BASE_IMAGE"
  ./mvnw -B -ntp -pl "$(IFS=,; echo "${SERVICES[*]}")" -am package \
    com.google.cloud.tools:jib-maven-plugin:build \
    -DskipTests -Djib.allowInsecureRegistries=true \
    -Djib.from.image="$BASE_IMAGE" -Dcardwatch.image.prefix="$REGISTRY/cardwatch"
}

check_manifest_lists() {
  local service manifest arch
  for service in "${SERVICES[@]}"; do
    manifest=$(skopeo inspect --raw --tls-verify=false "docker://$REGISTRY/cardwatch/$service:$VERSION")
    for arch in "${ARCHITECTURES[@]}"; do
      if ! grep -q "\"architecture\": *\"$arch\"" <<<"$manifest"; then
        echo "$service: no $arch image in $manifest" >&2
        exit 1
      fi
    done
    log "$service:$VERSION is a manifest list with ${ARCHITECTURES[*]}"
  done
}

# Runs the arm64 gateway's own files under qemu, as a Graviton node would run them natively.
boot_arm64_gateway() {
  log "Booting the arm64 gateway under qemu"
  local image=$WORK_DIR/gateway-arm64 bundle=$WORK_DIR/gateway-arm64-bundle port=$GATEWAY_PORT started
  rm -rf "$image" "$bundle"
  skopeo copy --override-arch arm64 --src-tls-verify=false \
    "docker://$REGISTRY/cardwatch/ingest-gateway:$VERSION" "oci:$image:gateway"
  umoci unpack --image "$image:gateway" "$bundle"
  rootfs=$bundle/rootfs
  mkdir -p "$rootfs/proc" "$rootfs/dev" "$rootfs/tmp"
  cp /etc/hosts "$rootfs/etc/hosts"
  mount -t proc proc "$rootfs/proc"
  mount --bind /dev "$rootfs/dev"
  cp "$(command -v qemu-aarch64-static)" "$rootfs/usr/bin/qemu-aarch64-static"
  started=$(date +%s)
  MICRONAUT_SERVER_PORT=$port KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 \
    chroot "$rootfs" /usr/bin/qemu-aarch64-static /usr/lib/jvm/java-17-openjdk-arm64/bin/java \
    -XX:+ExitOnOutOfMemoryError -cp @/app/jib-classpath-file "$(cat "$rootfs/app/jib-main-class-file")" \
    > "$WORK_DIR/gateway-arm64.log" 2>&1 &
  service_pid=$!
  until curl -fs "http://127.0.0.1:$port/health/liveness"; do
    if ! kill -0 "$service_pid" 2>/dev/null; then
      echo "the arm64 gateway exited: see $WORK_DIR/gateway-arm64.log" >&2
      exit 1
    fi
    if (($(date +%s) - started > HEALTH_TIMEOUT_SECONDS)); then
      echo "no answer from the arm64 gateway in ${HEALTH_TIMEOUT_SECONDS}s: see $WORK_DIR/gateway-arm64.log" >&2
      exit 1
    fi
    sleep 2
  done
  echo
  log "arm64 gateway answered /health/liveness after $(($(date +%s) - started))s under emulation"
}

mkdir -p "$WORK_DIR"
install_tools
start_registry
build_base_image
build_service_images
check_manifest_lists
boot_arm64_gateway
log "Graviton-readiness check passed"
