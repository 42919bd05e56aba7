global using Portal.IntegrationTests.Infrastructure;
