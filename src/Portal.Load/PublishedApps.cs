using System.Diagnostics;

namespace Portal.Load;

/// <summary>
/// The two apps the pages benchmark compares, published in Release into one temporary folder: the stock Blazor Web App
/// template (<c>dotnet new blazor --interactivity Server</c>, restored from the offline registry copy) and Portal.
/// </summary>
internal sealed class PublishedApps : IDisposable
{
    private readonly DirectoryInfo _folder;

    private PublishedApps(DirectoryInfo folder)
    {
        _folder = folder;
    }

    public string TemplateDll => Path.Combine(_folder.FullName, "template", "StockTemplate.dll");

    public string PortalDll => Path.Combine(_folder.FullName, "portal", "Portal.Web.dll");

    public static async Task<PublishedApps> PublishAsync(BenchmarkOptions options)
    {
        var apps = new PublishedApps(Directory.CreateTempSubdirectory("portal-pages-"));
        var source = Path.Combine(apps._folder.FullName, "StockTemplate");
        await RunAsync("dotnet", $"new blazor --interactivity Server -n StockTemplate -o \"{source}\"", apps._folder.FullName);
        await RunAsync("dotnet", $"publish \"{source}\" -c Release -o \"{Path.GetDirectoryName(apps.TemplateDll)}\" -nologo -v q", source);
        var portal = Path.Combine(options.RepositoryRoot, "src", "Portal.Web");
        await RunAsync("dotnet", $"publish \"{portal}\" -c Release -o \"{Path.GetDirectoryName(apps.PortalDll)}\" -nologo -v q", portal);
        return apps;
    }

    /// <summary>Starts the published template on a free loopback port, as in production, and waits until it serves.</summary>
    public async Task<Process> StartTemplateAsync(Uri baseAddress)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{TemplateDll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(TemplateDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = baseAddress.ToString(),
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the template.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("template: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await PortalServer.WaitUntilServingAsync(process, baseAddress, "/");
        return process;
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>Runs a command to its end and throws with its output if it fails.</summary>
    public static async Task<string> RunAsync(string file, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }

        return await output;
    }
}
