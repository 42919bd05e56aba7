using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Portal.IntegrationTests.Accounts;

/// <summary>
/// What the portal refuses to start without outside Development: the public address its links are built from, and a
/// mail server, unless the pickup folder is asked for in so many words (codes and reset links would land in files).
/// </summary>
public sealed class StartupChecksTests
{
    [Fact]
    public async Task Production_without_an_smtp_server_refuses_to_start_and_names_the_settings()
    {
        await using var app = new ProductionApp();

        var message = StartFailure(app);

        Assert.Contains("Smtp:Host", message, StringComparison.Ordinal);
        Assert.Contains("Email:UsePickupFolder=true", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_the_pickup_folder_asked_for_explicitly_starts_and_answers()
    {
        await using var app = new ProductionApp(("Email:UsePickupFolder", "true"));

        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Without_a_public_base_url_the_app_refuses_to_start_and_says_which_setting()
    {
        await using var app = new ProductionApp(("Email:UsePickupFolder", "true"), ("Portal:PublicBaseUrl", ""));

        Assert.Contains("Portal:PublicBaseUrl is not set", StartFailure(app), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("portal.example.com")]
    [InlineData("/portal")]
    [InlineData("ftp://portal.example.com")]
    public async Task A_public_base_url_that_is_not_an_absolute_http_address_stops_the_start(string value)
    {
        await using var app = new ProductionApp(("Email:UsePickupFolder", "true"), ("Portal:PublicBaseUrl", value));

        Assert.Contains($"Portal:PublicBaseUrl '{value}' is not an absolute http or https address", StartFailure(app), StringComparison.Ordinal);
    }

    /// <summary>Every message of the exception that stopped the start (the host may wrap the one that names the setting).</summary>
    private static string StartFailure(ProductionApp app)
    {
        var error = Assert.ThrowsAny<Exception>(() => app.Services);
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join("\n", messages);
    }

    /// <summary>The portal as a production server starts it (no demo data, no SMTP unless set), on a throw-away SQLite file.</summary>
    private sealed class ProductionApp(params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("portal-startup-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Portal", new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "portal.db") }.ToString());
            builder.UseSetting("Portal:DemoData", "false");
            builder.UseSetting("Portal:PublicBaseUrl", PortalApp.PublicBaseUrl);
            builder.UseSetting("Email:PickupFolder", Path.Combine(_folder, "mail"));
            builder.UseSetting("Smtp:Host", "");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
