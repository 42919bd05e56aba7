using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Portal.E2ETests.Infrastructure;

/// <summary>
/// The real app, as shipped: Portal.Web's build output started as its own process on Kestrel, on a free
/// loopback port, with demo data in a fresh PostgreSQL database that is dropped again at the end.
/// </summary>
internal sealed class PortalServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly string _adminConnectionString;
    private readonly string _database;
    private readonly string _mailFolder;
    private readonly OutputLog _output;

    private PortalServer(Process process, OutputLog output, Uri baseAddress, string adminConnectionString, string database, string mailFolder)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        _adminConnectionString = adminConnectionString;
        _database = database;
        _mailFolder = mailFolder;
    }

    public Uri BaseAddress { get; }

    public static async Task<PortalServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var webDll = FindWebAssembly();
        var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString()) { Pooling = false };
        var database = $"portal_e2e_{Guid.NewGuid():N}";
        await CreateDatabaseAsync(admin.ConnectionString, database, cancellationToken);

        var app = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database, Pooling = true };
        var mailFolder = Directory.CreateTempSubdirectory("portal-e2e-mail-").FullName;
        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(webDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        // Development serves the static web assets (MudBlazor's files, /wwwroot) straight from the build output.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Portal"] = app.ConnectionString;
        start.Environment["Portal__DemoData"] = "true";
        start.Environment["Portal__PublicBaseUrl"] = baseAddress.ToString();
        start.Environment["Email__PickupFolder"] = mailFolder;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Every browser here comes from 127.0.0.1 and the tests sign in as the same demo users again and again.
        foreach (var limit in new[] { "SignInPerAddress", "SignInPerAccount", "ActivationPerAddress", "ActivationPerAccount", "CodeEntryPerAddress", "ForgotPasswordPerAddress", "ForgotPasswordPerAccount", "SearchPerAddress" })
        {
            start.Environment["RateLimits__" + limit] = "100000";
        }

        var output = new OutputLog();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new PortalServer(process, output, baseAddress, admin.ConnectionString, database, mailFolder);
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await DropDatabaseAsync();
        Directory.Delete(_mailFolder, recursive: true);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Portal.Web exited with code {_process.ExitCode} before it was ready. Its output:\n{_output}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy migrating or seeding; ask again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException($"Portal.Web did not report /health/ready within {StartTimeout.TotalSeconds} s. Its output:\n{_output}");
    }

    private static string FindWebAssembly()
    {
        // The tests' own output folder ends in bin/<Configuration>/<TargetFramework>; Portal.Web's sits at the same place in its project.
        var root = TestEnvironment.RepositoryRoot().FullName;
        var ownProject = Path.Combine(root, "tests", "Portal.E2ETests");
        var outputTail = Path.GetRelativePath(ownProject, AppContext.BaseDirectory);
        var dll = Path.GetFullPath(Path.Combine(root, "src", "Portal.Web", outputTail, "Portal.Web.dll"));
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"Portal.Web is not built at '{dll}'. Build the solution (or this test project) first.");
    }

    private static string DotnetHost()
    {
        // The SDK names its host for child processes; the test host itself usually runs on it too.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task CreateDatabaseAsync(string adminConnectionString, string database, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"Could not create a test database on the PostgreSQL server given by {TestEnvironment.PostgresVariable}: {ex.Message}", ex);
        }
    }

    private async Task DropDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The app's recent console output, shown when it fails to start.</summary>
    private sealed class OutputLog
    {
        private const int MaxLines = 200;
        private readonly Queue<string> _lines = new();
        private readonly Lock _gate = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                _lines.Enqueue(line);
                if (_lines.Count > MaxLines)
                {
                    _lines.Dequeue();
                }
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return new StringBuilder().AppendJoin('\n', _lines).ToString();
            }
        }
    }
}
