// The bot itself: the repository's Dockerfile image on Azure Container Apps, at least two replicas
// sharing one PostgreSQL database, every secret read from Key Vault with the bot's managed identity,
// and an OpenTelemetry collector beside it that forwards to Application Insights.

param name string
param location string
param tags object

param environmentId string
param identityId string
param registryServer string

@description('The bot\'s image, as `atk deploy` built it into the registry.')
param image string

param otelCollectorImage string

@secure()
param appInsightsConnectionString string

@description('The settings the bot reads, from bot-settings.bicep.')
param settings array

@description('The app-level secrets: Key Vault references, plus the collector\'s configuration.')
param secrets array

@description('The key-ring certificates as Key Vault hands them out (base64 text), from bot-settings.bicep.')
param keyRingFiles array

@minValue(2)
param minReplicas int

param maxReplicas int

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registryServer
          identity: identityId
        }
      ]
      secrets: union(secrets, [
        {
          name: 'otel-collector-config'
          value: loadTextContent('../otel-collector.yaml')
        }
        {
          name: 'appinsights-connection-string'
          value: appInsightsConnectionString
        }
      ])
    }
    template: {
      // Key Vault hands a certificate's PFX out as base64 text, and Container Apps writes a secret
      // to a file as that text; the bot reads a binary PFX. This step, in the bot's own image,
      // decodes each certificate into a volume that only this replica sees.
      initContainers: [
        {
          name: 'keyring'
          image: image
          command: [
            '/bin/sh'
            '-c'
          ]
          args: [
            'umask 077 && for f in /mnt/keyring-vault/*; do base64 -d "$f" > "/app/keyring/$(basename "$f").pfx"; done'
          ]
          resources: {
            cpu: json('0.25')
            memory: '0.5Gi'
          }
          volumeMounts: [
            {
              volumeName: 'keyring-vault'
              mountPath: '/mnt/keyring-vault'
            }
            {
              volumeName: 'keyring'
              mountPath: '/app/keyring'
            }
          ]
        }
      ]
      containers: [
        {
          name: 'bot'
          image: image
          env: settings
          resources: {
            cpu: json('0.75')
            memory: '1.5Gi'
          }
          volumeMounts: [
            {
              volumeName: 'keyring'
              mountPath: '/app/keyring'
            }
          ]
          probes: [
            // Migrations run at start; give them time before liveness counts.
            {
              type: 'Startup'
              httpGet: {
                path: '/healthz'
                port: 8080
              }
              periodSeconds: 5
              failureThreshold: 30
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            // /readyz checks the configuration, the data folder and the database: a replica that
            // cannot reach PostgreSQL gets no traffic, and is not restarted for it.
            {
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: 8080
              }
              periodSeconds: 10
              timeoutSeconds: 5
              failureThreshold: 3
            }
          ]
        }
        {
          name: 'otel-collector'
          image: otelCollectorImage
          args: [
            '--config=/etc/otel/config.yaml'
          ]
          env: [
            {
              name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
              secretRef: 'appinsights-connection-string'
            }
          ]
          resources: {
            cpu: json('0.25')
            memory: '0.5Gi'
          }
          volumeMounts: [
            {
              volumeName: 'otel-config'
              mountPath: '/etc/otel'
            }
          ]
        }
      ]
      volumes: [
        {
          name: 'keyring-vault'
          storageType: 'Secret'
          secrets: keyRingFiles
        }
        {
          name: 'keyring'
          storageType: 'EmptyDir'
        }
        {
          name: 'otel-config'
          storageType: 'Secret'
          secrets: [
            {
              secretRef: 'otel-collector-config'
              path: 'config.yaml'
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
}

output fqdn string = app.properties.configuration.ingress.fqdn
