{{/* Names, labels and the pod pieces the services share. */}}

{{- define "cardwatch.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Component name: "<fullname>-gateway", "<fullname>-detector" or "<fullname>-console". Call with (list $ "gateway"). */}}
{{- define "cardwatch.componentName" -}}
{{- printf "%s-%s" (include "cardwatch.fullname" (index . 0)) (index . 1) -}}
{{- end -}}

{{/* The components this release runs, space-separated: gateway, detector and, when enabled, console. */}}
{{- define "cardwatch.components" -}}
gateway detector{{ if .Values.console.enabled }} console{{ end }}
{{- end -}}

{{- define "cardwatch.selectorLabels" -}}
app.kubernetes.io/name: {{ (index . 0).Chart.Name }}
app.kubernetes.io/instance: {{ (index . 0).Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "cardwatch.labels" -}}
{{ include "cardwatch.selectorLabels" . }}
app.kubernetes.io/version: {{ (index . 0).Chart.AppVersion | quote }}
app.kubernetes.io/part-of: cardwatch
app.kubernetes.io/managed-by: {{ (index . 0).Release.Service }}
helm.sh/chart: {{ printf "%s-%s" (index . 0).Chart.Name (index . 0).Chart.Version }}
{{- end -}}

{{/* Pod label holding the service's name (ingest-gateway, fraud-detector, review-console): the scrape job of its series. */}}
{{- define "cardwatch.serviceLabel" -}}
cardwatch.io/service
{{- end -}}

{{/* Image of a service: (list $ "ingest-gateway"). */}}
{{- define "cardwatch.image" -}}
{{- $root := index . 0 -}}
{{- $repository := printf "%s/%s" $root.Values.image.repositoryPrefix (index . 1) -}}
{{- if $root.Values.image.registry -}}
{{- $repository = printf "%s/%s" $root.Values.image.registry $repository -}}
{{- end -}}
{{- printf "%s:%s" $repository (default $root.Chart.AppVersion $root.Values.image.tag) -}}
{{- end -}}

{{/* Service account name of a component: (list $ "gateway"). */}}
{{- define "cardwatch.serviceAccountName" -}}
{{- $values := index (index . 0).Values (index . 1) -}}
{{- if $values.serviceAccount.create -}}
{{- default (include "cardwatch.componentName" .) $values.serviceAccount.name -}}
{{- else -}}
{{- default "default" $values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Kafka client settings as Micronaut env vars (kafka.* goes to every client). */}}
{{- define "cardwatch.kafkaEnv" -}}
{{- $kafka := .Values.kafka -}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ $kafka.bootstrapServers | quote }}
{{- if eq $kafka.auth.mode "tls" }}
- name: KAFKA_SECURITY_PROTOCOL
  value: SSL
{{- else if eq $kafka.auth.mode "scram" }}
- name: CARDWATCH_KAFKA_SCRAM_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ required "kafka.auth.scram.existingSecret is required with kafka.auth.mode=scram" $kafka.auth.scram.existingSecret }}
      key: {{ $kafka.auth.scram.usernameKey }}
- name: CARDWATCH_KAFKA_SCRAM_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $kafka.auth.scram.existingSecret }}
      key: {{ $kafka.auth.scram.passwordKey }}
- name: KAFKA_SECURITY_PROTOCOL
  value: SASL_SSL
- name: KAFKA_SASL_MECHANISM
  value: SCRAM-SHA-512
- name: KAFKA_SASL_JAAS_CONFIG
  value: 'org.apache.kafka.common.security.scram.ScramLoginModule required username="$(CARDWATCH_KAFKA_SCRAM_USERNAME)" password="$(CARDWATCH_KAFKA_SCRAM_PASSWORD)";'
{{- else if eq $kafka.auth.mode "iam" }}
- name: KAFKA_SECURITY_PROTOCOL
  value: SASL_SSL
- name: KAFKA_SASL_MECHANISM
  value: AWS_MSK_IAM
- name: KAFKA_SASL_JAAS_CONFIG
  value: "software.amazon.msk.auth.iam.IAMLoginModule required;"
- name: KAFKA_SASL_CLIENT_CALLBACK_HANDLER_CLASS
  value: software.amazon.msk.auth.iam.IAMClientCallbackHandler
{{- end }}
{{- end -}}

{{/* JAVA_TOOL_OPTIONS of a service that uses the database: (list $ "-XX:..."). */}}
{{- define "cardwatch.databaseJavaToolOptions" -}}
{{- $root := index . 0 -}}
{{- $javaToolOptions := index . 1 -}}
{{- if eq $root.Values.database.auth.mode "iam" -}}
{{- /* A system property keeps the camel case the wrapper needs; env var names are upper case only. */ -}}
{{- $javaToolOptions = printf "%s -Ddatasources.default.data-source-properties.wrapperPlugins=iam,failover2,efm2" $javaToolOptions -}}
{{- end -}}
{{- $javaToolOptions -}}
{{- end -}}

{{/* The datasource of a service that uses the database, as Micronaut env vars: (list $ <pool size>). */}}
{{- define "cardwatch.databaseEnv" -}}
{{- $database := (index . 0).Values.database -}}
- name: DATASOURCES_DEFAULT_URL
  value: {{ printf "jdbc:aws-wrapper:postgresql://%s:%d/%s" $database.host (int $database.port) $database.name | quote }}
- name: DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE
  value: {{ index . 1 | quote }}
{{- if eq $database.auth.mode "iam" }}
- name: DATASOURCES_DEFAULT_USERNAME
  value: {{ $database.auth.username | quote }}
{{- else }}
- name: DATASOURCES_DEFAULT_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ required "database.auth.existingSecret is required with database.auth.mode=password" $database.auth.existingSecret }}
      key: {{ $database.auth.usernameKey }}
- name: DATASOURCES_DEFAULT_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $database.auth.existingSecret }}
      key: {{ $database.auth.passwordKey }}
{{- end }}
{{- end -}}

{{/* OpenTelemetry SDK settings: (list $ "ingest-gateway"). */}}
{{- define "cardwatch.otelEnv" -}}
{{- $root := index . 0 -}}
{{- if $root.Values.otel.enabled }}
- name: OTEL_SERVICE_NAME
  value: {{ index . 1 }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ $root.Values.otel.endpoint | quote }}
- name: OTEL_EXPORTER_OTLP_PROTOCOL
  value: {{ $root.Values.otel.protocol | quote }}
- name: OTEL_TRACES_EXPORTER
  value: otlp
- name: OTEL_TRACES_SAMPLER
  value: parentbased_traceidratio
- name: OTEL_TRACES_SAMPLER_ARG
  value: {{ $root.Values.otel.traceSampleRatio | quote }}
- name: OTEL_METRICS_EXPORTER
  value: {{ ternary "prometheus,otlp" "prometheus" $root.Values.otel.pushMetrics | quote }}
- name: OTEL_K8S_POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: OTEL_K8S_NODE_NAME
  valueFrom:
    fieldRef:
      fieldPath: spec.nodeName
- name: OTEL_RESOURCE_ATTRIBUTES
  value: "service.namespace=cardwatch,service.version={{ default $root.Chart.AppVersion $root.Values.image.tag }},k8s.namespace.name={{ $root.Release.Namespace }},k8s.pod.name=$(OTEL_K8S_POD_NAME),k8s.node.name=$(OTEL_K8S_NODE_NAME)"
{{- end }}
{{- end -}}

{{/* Pod-level security: non-root, a volume group for the writable mounts, default seccomp. */}}
{{- define "cardwatch.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.podSecurity.runAsUser }}
runAsGroup: {{ .Values.podSecurity.runAsGroup }}
fsGroup: {{ .Values.podSecurity.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "cardwatch.containerSecurityContext" -}}
runAsNonRoot: true
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop:
    - ALL
{{- end -}}

{{/* Probes on Micronaut's health endpoints, on the container port named http. */}}
{{- define "cardwatch.probes" -}}
startupProbe:
  httpGet:
    path: /health/liveness
    port: http
  periodSeconds: 5
  failureThreshold: 36
livenessProbe:
  httpGet:
    path: /health/liveness
    port: http
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /health/readiness
    port: http
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
{{- end -}}

{{/* Scheduling: zone and node spread, optional arm64 only, tolerations: (list $ "gateway"). */}}
{{- define "cardwatch.scheduling" -}}
{{- $root := index . 0 -}}
{{- $scheduling := $root.Values.scheduling -}}
topologySpreadConstraints:
  - topologyKey: topology.kubernetes.io/zone
    maxSkew: {{ $scheduling.zoneSpread.maxSkew }}
    whenUnsatisfiable: {{ $scheduling.zoneSpread.whenUnsatisfiable }}
    labelSelector:
      matchLabels:
        {{- include "cardwatch.selectorLabels" . | nindent 8 }}
  - topologyKey: kubernetes.io/hostname
    maxSkew: 1
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "cardwatch.selectorLabels" . | nindent 8 }}
{{- if $scheduling.arm64Only }}
affinity:
  nodeAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      nodeSelectorTerms:
        - matchExpressions:
            - key: kubernetes.io/arch
              operator: In
              values:
                - arm64
{{- end }}
{{- with $scheduling.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $scheduling.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* Writable /tmp under a read-only root filesystem (JVM perf data, Netty native libraries). */}}
{{- define "cardwatch.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: 256Mi
{{- end -}}
