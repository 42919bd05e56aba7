using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Portal.Load;

/// <summary>
/// The app (Release build) in its own process on a free loopback port, on a fresh SQLite database (or a fresh PostgreSQL
/// database with --postgres), with the demo data; deleted again on dispose. Benchmarks measure it over HTTP and SignalR.
/// </summary>
internal sealed partial class PortalServer : IAsyncDisposable
{
    public const string DemoPassword = "Portal-Demo-2026!";

    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private PortalServer(Process process, DirectoryInfo folder, Uri baseAddress, string connectionString, bool postgres)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
        ConnectionString = connectionString;
        IsPostgres = postgres;
    }

    public Uri BaseAddress { get; }

    /// <summary>The app's process (for the diagnostics tools).</summary>
    public int ProcessId => _process.Id;

    public string ConnectionString { get; }

    public bool IsPostgres { get; }

    public string DatabaseName => IsPostgres ? "PostgreSQL" : "SQLite";

    /// <summary>Starts the app with extra settings (environment variables, e.g. <c>RateLimits__SignInPerAddress</c>) and waits until it serves.</summary>
    /// <param name="app">The app's main assembly (a published folder's Portal.Web.dll); the Release build's by default.</param>
    public static async Task<PortalServer> StartAsync(BenchmarkOptions options, IReadOnlyDictionary<string, string>? settings = null, string? app = null)
    {
        app ??= Path.Combine(options.RepositoryRoot, "src", "Portal.Web", "bin", "Release", "net10.0", "Portal.Web.dll");
        if (!File.Exists(app))
        {
            throw new InvalidOperationException($"Build the app first: dotnet build -c Release src/Portal.Web ({app} not found).");
        }

        var folder = Directory.CreateTempSubdirectory("portal-load-");
        var postgres = options.Postgres is not null;
        var connectionString = postgres
            ? $"{options.Postgres};Database=portal_load_{DateTime.UtcNow:yyyyMMddHHmmss}"
            : $"Data Source={Path.Combine(folder.FullName, "portal.db")}";
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", $"\"{app}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
                ["ASPNETCORE_URLS"] = baseAddress.ToString(),
                ["ConnectionStrings__Portal"] = connectionString,
                ["Database__Provider"] = postgres ? "Postgres" : "Sqlite",
                ["Portal__DemoData"] = "true",
                ["Portal__PublicBaseUrl"] = baseAddress.ToString(),
                ["Email__UsePickupFolder"] = "true",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("app: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PortalServer(process, folder, baseAddress, connectionString, postgres);
        try
        {
            await WaitUntilServingAsync(process, baseAddress, "/health/live");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client with its own cookies that does not follow redirects.</summary>
    public HttpClient CreateClient(int maxConnections = 4) =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = maxConnections })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>Signs the client in through the real login page; its cookie container then holds the sign-in cookie.</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password = DemoPassword)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().StartsWith("/Account", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    /// <summary>CPU time used so far by the app, in milliseconds (all its threads, user and kernel).</summary>
    public double CpuTime() => CpuTimeOf(_process);

    /// <summary>The app's resident memory now, in bytes.</summary>
    public long ResidentBytes()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    public static double CpuTimeOf(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _folder.Delete(recursive: true);
        if (IsPostgres)
        {
            await using var db = BenchmarkData.Context(ConnectionString, postgres: true);
            await db.Database.EnsureDeletedAsync();
        }
    }

    /// <summary>Waits until the app in <paramref name="process"/> answers <paramref name="path"/> with a success.</summary>
    public static async Task WaitUntilServingAsync(Process process, Uri baseAddress, string path)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            try
            {
                using var response = await client.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped with exit code {process.ExitCode}.");
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The app did not start within two minutes.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
