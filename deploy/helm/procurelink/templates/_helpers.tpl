{{/* Labels shared by every object of the release. */}}
{{- define "procurelink.labels" -}}
app.kubernetes.io/part-of: procurelink
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{/* Labels of one service's objects; call with (dict "root" $ "name" $name). */}}
{{- define "procurelink.serviceLabels" -}}
{{ include "procurelink.labels" .root }}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/component: service
{{- end -}}

{{/* The selector of one service's pods; call with (dict "root" $ "name" $name). */}}
{{- define "procurelink.selectorLabels" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{/* The name of one service's objects; call with (dict "root" $ "name" $name). */}}
{{- define "procurelink.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The release's own name, or <release>-procurelink when the release name does not say it. */}}
{{- define "procurelink.releaseFullname" -}}
{{- if contains "procurelink" .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-procurelink" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "procurelink.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "procurelink.configMapName" -}}
{{- printf "%s-config" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "procurelink.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" .Release.Name | trunc 63 | trimSuffix "-") -}}
{{- end -}}

{{- define "procurelink.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- .Values.serviceAccount.name | default (include "procurelink.releaseFullname" .) -}}
{{- else -}}
{{- .Values.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end -}}

{{/*
The secret files of one service as YAML (variable: key): the chart-wide secretFiles, overridden by
the service's own (an empty key there switches a chart-wide one off); entries with an empty key
are left out. Call with (dict "root" $ "svc" $svc).
*/}}
{{- define "procurelink.secretFiles" -}}
{{- $files := deepCopy (.root.Values.secretFiles | default dict) -}}
{{- range $variable, $key := .svc.secretFiles | default dict }}{{ $_ := set $files $variable $key }}{{ end -}}
{{- range $variable, $key := $files }}
{{- if $key }}
{{ $variable }}: {{ $key | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* KEDA's name for a SASL mechanism (kafka scaler `sasl`). */}}
{{- define "procurelink.kedaSasl" -}}
{{- $m := . | default "none" -}}
{{- if eq $m "plain" -}}plaintext
{{- else if eq $m "scram-sha-256" -}}scram_sha256
{{- else if eq $m "scram-sha-512" -}}scram_sha512
{{- else -}}{{ $m }}
{{- end -}}
{{- end -}}

{{/* The secretEnv of one service as YAML (variable: key), like procurelink.secretFiles. */}}
{{- define "procurelink.secretEnv" -}}
{{- $vars := deepCopy (.root.Values.secretEnv | default dict) -}}
{{- range $variable, $key := .svc.secretEnv | default dict }}{{ $_ := set $vars $variable $key }}{{ end -}}
{{- range $variable, $key := $vars }}
{{- if $key }}
{{ $variable }}: {{ $key | quote }}
{{- end }}
{{- end }}
{{- end -}}
