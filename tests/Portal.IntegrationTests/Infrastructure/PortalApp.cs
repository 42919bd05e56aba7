using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The real app, in process, on a fresh PostgreSQL database of its own with the demo data loaded, for one test class.
/// <code>
/// public sealed class StatementsTests(PortalApp app) : IClassFixture&lt;PortalApp&gt;
/// {
///     [Fact]
///     public async Task Investor_sees_their_statements()
///     {
///         using var client = await app.SignedInClientAsync(DemoUsers.SilverInvestor);
///         using var page = await client.GetAsync("/statements");
///         Assert.Contains(app.Text&lt;StatementsText&gt;("Title"), await page.ReadTextAsync());
///     }
/// }
/// </code>
/// Test classes run in parallel, each on its own database; the tests of one class run one after another and share
/// it. A test that changes a user (password, lockout, activation) works on its own one: <see cref="CreateUserAsync"/>
/// or an unused generated investor (<see cref="DemoUsers.GeneratedInvestor"/>). Each client gets its own client
/// address, so per-address limits do not leak from one test into another. E-mails land in <see cref="Mailbox"/>.
/// For queries that must behave the same on the embedded provider, see <see cref="SqlitePortalApp"/> and BothProvidersTests.
/// </summary>
public class PortalApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Password of the users <see cref="CreateUserAsync"/> makes.</summary>
    public const string TestUserPassword = "Test-Password-2026!";

    /// <summary>The portal's public address in tests: every link it sends starts with it, whatever the request's Host.</summary>
    public const string PublicBaseUrl = "https://portal.tests.example";

    private static readonly string[] RaisedRateLimits =
    [
        "SignInPerAddress", "SignInPerAccount", "ActivationPerAddress", "ActivationPerAccount", "CodeEntryPerAddress",
        "ForgotPasswordPerAddress", "ForgotPasswordPerAccount", "SearchPerAddress",
    ];

    private static int s_clientAddress;

    // This app's own files: the e-mail pickup folder (and the database file on SQLite).
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
    private string? _connectionString;

    public Mailbox Mailbox => new(Path.Combine(_folder, "mail"));

    public virtual DatabaseProvider Provider => DatabaseProvider.Postgres;

    /// <summary>
    /// Tests sign in as the same demo users again and again within a minute; the rate limits for sign-in, activation,
    /// codes and search are raised so only the rate-limit tests (with their own app) meet them.
    /// </summary>
    protected virtual bool RaisesRateLimits => true;

    /// <summary>The connection string of this app's own database.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The app has not started yet.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _connectionString = await CreateDatabaseAsync(_folder);
        // Start now: migrations and demo data run here, and a start-up failure fails the class with its own message.
        _ = Services;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_connectionString is not null)
        {
            await DropDatabaseAsync(_connectionString);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>
    /// Makes this app's database and returns its connection string: a copy of one migrated and seeded once per run
    /// (the start-up's migrations and seeders then find everything in place), so each class starts in about a second.
    /// </summary>
    protected virtual Task<string> CreateDatabaseAsync(string folder) => TestPostgres.CreateFromTemplateAsync(async template =>
    {
        var app = new TemplateApp(template);
        try
        {
            await app.InitializeAsync();
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    });

    protected virtual Task DropDatabaseAsync(string connectionString) => TestPostgres.DropDatabaseAsync(connectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As in Development: a singleton that captures a scoped service fails the start, not a request in production.
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        });
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Portal:DemoData", "true");
        builder.UseSetting("Portal:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Email:PickupFolder", Mailbox.Folder);
        builder.UseSetting("Smtp:Host", "");
        // No dispatcher: notifications would add e-mails to the mailbox other tests read (tests/…/Notifications run their own).
        builder.UseSetting("Notifications:DispatcherEnabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware", "Warning");
        if (RaisesRateLimits)
        {
            foreach (var limit in RaisedRateLimits)
            {
                builder.UseSetting("RateLimits:" + limit, "100000");
            }
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressStartupFilter>());
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (so tests see where they lead).</summary>
    public HttpClient CreatePortalClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var n = Interlocked.Increment(ref s_clientAddress);
        // A distinct client address per client keeps per-address rate limits apart.
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.Header, $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
        return client;
    }

    /// <summary>A client signed in through the real login page; fails the test when sign-in does not succeed.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = DemoUsers.Password)
    {
        var client = CreatePortalClient();
        using var response = await client.SignInAsync(email, password);
        var target = response.RedirectTarget();
        if (target is null || target.StartsWith("/Account/", StringComparison.Ordinal))
        {
            client.Dispose();
            throw new Xunit.Sdk.XunitException($"Signing in as {email} did not succeed: {(int)response.StatusCode} {target}");
        }

        return client;
    }

    /// <summary>A new user with these roles and <see cref="TestUserPassword"/>, for tests that change a user.</summary>
    public async Task<TestUser> CreateUserAsync(params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"user-{Guid.NewGuid():N}@tests.portal.demo";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test " + string.Join("/", roles) };
        Check(await users.CreateAsync(user, TestUserPassword));
        if (roles.Length > 0)
        {
            Check(await users.AddToRolesAsync(user, roles));
        }

        return new TestUser(user.Id, email, TestUserPassword);
    }

    /// <summary>Runs <paramref name="work"/> on a context of the app's own database (to arrange or check data).</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await work(db);
    }

    /// <summary>A resource text as the app shows it in <paramref name="culture"/>, so tests assert what users read.</summary>
    public string Text<TMarker>(string key, string culture = "en", params object[] arguments)
    {
        var localizer = Services.GetRequiredService<IStringLocalizer<TMarker>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var text = localizer[key, arguments];
            return text.ResourceNotFound ? throw new ArgumentException($"No text '{key}' in {typeof(TMarker).Name}.", nameof(key)) : text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record TestUser(string Id, string Email, string Password);

/// <summary>Migrates and seeds the run's template database once (it is dropped when the test run ends).</summary>
internal sealed class TemplateApp(string connectionString) : PortalApp
{
    protected override Task<string> CreateDatabaseAsync(string folder) => Task.FromResult(connectionString);

    protected override Task DropDatabaseAsync(string connectionString) => Task.CompletedTask;
}
