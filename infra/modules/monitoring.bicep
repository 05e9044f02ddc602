// Where the bot's logs, traces and metrics end up: one Log Analytics workspace for the Container
// Apps environment's console logs, and a workspace-based Application Insights resource that the
// OpenTelemetry collector beside the bot exports to.

param name string
param location string
param tags object

@description('How long Log Analytics keeps the bot\'s logs and telemetry, in days.')
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${name}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

output workspaceName string = workspace.name
output appInsightsConnectionString string = appInsights.properties.ConnectionString
