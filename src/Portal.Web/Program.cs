using Portal.Web.Features.Accounts;
using Portal.Web.Features.Content;
using Portal.Web.Features.Notifications;
using Portal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalData();
builder.AddOperations();
builder.AddPortalLocalization();
builder.AddNotifications();
builder.AddAccounts();
builder.AddContent();
builder.AddPortalUi();

var app = builder.Build();

app.UseOperations();
app.MapOperations();
app.MapAccounts();
app.MapContent();
app.MapPortalUi();

await app.InitializeDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point; public so the integration tests can host it.</summary>
public partial class Program;
