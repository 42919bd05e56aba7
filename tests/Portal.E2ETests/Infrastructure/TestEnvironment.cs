namespace Portal.E2ETests.Infrastructure;

/// <summary>What the browser tests need from the machine, with a clear message when it is missing.</summary>
internal static class TestEnvironment
{
    public const string ChromiumVariable = "PORTAL_TEST_CHROMIUM";
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";
    public const string ScreenshotsVariable = "PORTAL_UPDATE_SCREENSHOTS";

    private const string DefaultChromium = "/usr/bin/chromium";

    public static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable(ChromiumVariable);
        path = string.IsNullOrWhiteSpace(path) ? DefaultChromium : path;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium, but there is none at '{path}'. Install Debian's chromium " +
                $"(apt-get install chromium) or set {ChromiumVariable} to its executable. tests/run.sh does both.");
        }

        return path;
    }

    public static string PostgresConnectionString()
    {
        var connectionString = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"The browser tests run the app on PostgreSQL, but {PostgresVariable} is not set. Set it to an Npgsql " +
                "connection string of a server where the user may create databases " +
                "(e.g. Host=127.0.0.1;Port=5432;Username=postgres), or run tests/run.sh, which starts one.");
        }

        return connectionString;
    }

    /// <summary>The checkout the tests were built from: the folder holding Portal.sln.</summary>
    public static DirectoryInfo RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"No Portal.sln above '{AppContext.BaseDirectory}': run the tests from the repository's build output.");
    }
}
