{{/*
  The gateway's producers as Micronaut env vars (cardwatch.auth.producers.<id>.*). The hashes of their keys
  come from gateway.auth.existingSecret: entry <id> for the current key, <id>-next (optional) for the key a
  producer is being rotated to. Ids are lower-case letters and digits: an underscore in the variable name
  would split the id in two.
*/}}
{{- define "cardwatch.gatewayProducersEnv" -}}
{{- $auth := .Values.gateway.auth -}}
{{- $seen := dict -}}
{{- range $auth.producers }}
{{- if hasKey $seen .id }}
{{- fail (printf "gateway.auth.producers lists producer %s twice" .id) }}
{{- end }}
{{- $_ := set $seen .id true }}
{{- $prefix := printf "CARDWATCH_AUTH_PRODUCERS_%s_" (upper .id) }}
- name: {{ $prefix }}API_KEY_SHA256
  valueFrom:
    secretKeyRef:
      name: {{ $auth.existingSecret }}
      key: {{ .id }}
- name: {{ $prefix }}NEXT_API_KEY_SHA256
  valueFrom:
    secretKeyRef:
      name: {{ $auth.existingSecret }}
      key: {{ .id }}-next
      optional: true
{{- if hasKey . "write" }}
- name: {{ $prefix }}WRITE
  value: {{ .write | quote }}
{{- end }}
{{- if hasKey . "readsFor" }}
- name: {{ $prefix }}READS_FOR
  value: {{ .readsFor | quote }}
{{- end }}
{{- if hasKey . "requestsPerSecond" }}
- name: {{ $prefix }}REQUESTS_PER_SECOND
  value: {{ .requestsPerSecond | quote }}
{{- end }}
{{- if hasKey . "burst" }}
- name: {{ $prefix }}BURST
  value: {{ int64 .burst | quote }}
{{- end }}
{{- end }}
{{- end -}}
