using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Chat;

namespace Portal.Load;

/// <summary>
/// The chat hub under load, through the .NET SignalR client and the hub contract only: starts the app, creates real
/// investor and agent accounts, signs them in through the login page, holds idle connections open, and has investor
/// and agent pairs chat at a fixed total message rate. Prints send-to-receive latency (the sender's Send is acknowledged
/// once the message is stored; the clock stops when the other side receives it), messages lost and duplicated,
/// connections dropped, and the app's memory per idle connection.
/// </summary>
internal static class ChatBenchmark
{
    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(BenchmarkOptions options)
    {
        var load = options.Chat;
        var investors = load.IdleUsers + load.Pairs;
        await using var server = await PortalServer.StartAsync(options, new Dictionary<string, string>
        {
            // Hundreds of sign-ins from one address in a minute: the benchmark is not an attack.
            ["RateLimits__SignInPerAddress"] = "1000000",
            ["RateLimits__SignInPerAccount"] = "1000000",
        });
        await ChatLoadAccounts.CreateAsync(server.ConnectionString, server.IsPostgres, investors, load.Agents);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Chat hub on {server.DatabaseName}: {load.IdleConnections} idle connections of {load.IdleUsers} investors held {load.HoldSeconds} s; " +
            $"{load.Pairs} chats with {load.Agents} agents at {load.MessagesPerSecond} messages/s; {options.WarmUpSeconds} s warm-up, {options.Runs} runs of {options.Seconds} s"));

        var drops = new DropCounter();
        var (idle, perIdleConnection) = await OpenIdleAsync(server, load, drops);
        var heldSince = Stopwatch.StartNew();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {idle.Count} idle connections open; app memory per idle connection {perIdleConnection / 1024:0.0} KB"));

        var presences = new List<HubConnection>();
        var pairs = await OpenPairsAsync(server, load, drops, presences);
        var results = new List<RunResult>();
        await MeasureAsync(pairs, load, TimeSpan.FromSeconds(options.WarmUpSeconds), server);
        for (var run = 0; run < options.Runs; run++)
        {
            var result = await MeasureAsync(pairs, load, TimeSpan.FromSeconds(options.Seconds), server);
            results.Add(result);
            Console.WriteLine(result.Describe($"  run {run + 1}"));
        }

        // Keep the idle connections for the whole hold, then check that every one still answers.
        var rest = TimeSpan.FromSeconds(load.HoldSeconds) - heldSince.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  holding the idle connections {rest.TotalSeconds:0} s more"));
            await Task.Delay(rest);
        }

        var alive = await CountAnsweringAsync(idle);
        drops.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Chat hub on {server.DatabaseName}: median p50 {BenchmarkOptions.Median(results.Select(r => r.P50)):0.0} ms, " +
            $"median p99 {BenchmarkOptions.Median(results.Select(r => r.P99)):0.0} ms, max {results.Max(r => r.Max):0.0} ms, " +
            $"median {BenchmarkOptions.Median(results.Select(r => r.Rate)):0} messages/s delivered; lost {results.Sum(r => r.Lost)}, " +
            $"duplicated {results.Sum(r => r.Duplicated)}, send errors {results.Sum(r => r.SendErrors)}; " +
            $"connections dropped {drops.Count} ({alive} of {idle.Count} idle connections answer after {heldSince.Elapsed.TotalSeconds:0} s); " +
            $"memory per idle connection {perIdleConnection / 1024:0.0} KB"));
        await Task.WhenAll(idle.Concat(presences).Concat(pairs.SelectMany(p => new[] { p.Investor, p.Agent })).Select(c => c.DisposeAsync().AsTask()));
    }

    private static async Task<(List<HubConnection> Connections, double BytesPerConnection)> OpenIdleAsync(PortalServer server, ChatLoad load, DropCounter drops)
    {
        var cookies = await SignInAllAsync(server, Enumerable.Range(1, load.IdleUsers).Select(ChatLoadAccounts.InvestorEmail));
        await Task.Delay(s_settle);
        var before = server.ResidentBytes();
        var connections = new ConcurrentBag<HubConnection>();
        await Parallel.ForEachAsync(Enumerable.Range(0, load.IdleConnections), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (n, ct) =>
        {
            var connection = Connect(server, cookies[n % cookies.Count], drops);
            await connection.StartAsync(ct);
            connections.Add(connection);
        });
        await Task.Delay(s_settle * 3);
        return ([.. connections], (server.ResidentBytes() - before) / (double)load.IdleConnections);
    }

    private static async Task<List<ChatPair>> OpenPairsAsync(PortalServer server, ChatLoad load, DropCounter drops, List<HubConnection> presences)
    {
        var agentCookies = await SignInAllAsync(server, Enumerable.Range(1, load.Agents).Select(ChatLoadAccounts.AgentEmail));
        var investorCookies = await SignInAllAsync(server, Enumerable.Range(load.IdleUsers + 1, load.Pairs).Select(ChatLoadAccounts.InvestorEmail));
        foreach (var cookie in agentCookies)
        {
            // Each agent goes online on a connection of its own, and takes each chat on another (as in a tab per chat):
            // one connection sending for three chats would pass the hub's five messages a second.
            var presence = Connect(server, cookie, drops);
            await presence.StartAsync();
            await presence.InvokeAsync("SetPresence", AgentPresence.Online);
            presences.Add(presence);
        }

        var pairs = new List<ChatPair>();
        for (var n = 0; n < load.Pairs; n++)
        {
            var investor = Connect(server, investorCookies[n], drops);
            await investor.StartAsync();
            var ticket = await investor.InvokeAsync<ChatTicket>("StartChat", new StartChatRequest(ChatTopic.General, "Hello from the load test"));
            if (ticket.Status == ChatStatus.Offline)
            {
                throw new InvalidOperationException("The chat answered Offline although agents are online.");
            }

            var agent = Connect(server, agentCookies[n % agentCookies.Count], drops);
            await agent.StartAsync();
            await agent.InvokeAsync<ChatTicket>("Accept", ticket.ConversationId);
            pairs.Add(new ChatPair(ticket.ConversationId, investor, agent));
        }

        return pairs;
    }

    /// <summary>One run: every pair's two sides send at the rate's share; each message must reach the other side once.</summary>
    private static async Task<RunResult> MeasureAsync(List<ChatPair> pairs, ChatLoad load, TimeSpan duration, PortalServer server)
    {
        var run = new RunTracker();
        var handlers = pairs.SelectMany(p => new[]
        {
            p.Investor.On<ChatMessage>("Message", m => run.Received(p, m, ChatParty.Investor)),
            p.Agent.On<ChatMessage>("Message", m => run.Received(p, m, ChatParty.Agent)),
        }).ToList();
        var senders = pairs.Count * 2;
        var interval = TimeSpan.FromSeconds(senders / (double)load.MessagesPerSecond);
        var cpuBefore = server.CpuTime();
        var clock = Stopwatch.StartNew();
        var random = new Random(7);
        await Task.WhenAll(pairs.SelectMany(p => new[] { (p, p.Investor), (p, p.Agent) }).Select(async s =>
        {
            var (pair, connection) = s;
            // Spread the senders over the interval, so the rate is even rather than in bursts.
            await Task.Delay(interval * random.NextDouble());
            using var timer = new PeriodicTimer(interval);
            do
            {
                var id = Guid.NewGuid().ToString("N");
                run.Sending(id);
                try
                {
                    await connection.InvokeAsync<ChatMessage>("Send", new SendRequest(pair.ConversationId, id, "load " + id));
                }
                catch (Exception ex) when (ex is Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or TaskCanceledException)
                {
                    run.Failed(id, ex.Message);
                }
            }
            while (clock.Elapsed < duration && await timer.WaitForNextTickAsync());
        }));
        var sendingTime = clock.Elapsed;
        await Task.Delay(s_settle);
        handlers.ForEach(h => h.Dispose());
        return run.Result(sendingTime, server.CpuTime() - cpuBefore);
    }

    private static async Task<int> CountAnsweringAsync(List<HubConnection> idle)
    {
        var answering = 0;
        await Parallel.ForEachAsync(idle, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (connection, ct) =>
        {
            if (connection.State == HubConnectionState.Connected)
            {
                await connection.InvokeAsync<ChatTicket[]>("MyConversations", ct);
                Interlocked.Increment(ref answering);
            }
        });
        return answering;
    }

    /// <summary>Signs each account in through the login page (four at a time) and returns its cookies.</summary>
    private static async Task<List<System.Net.CookieContainer>> SignInAllAsync(PortalServer server, IEnumerable<string> emails)
    {
        var cookies = new ConcurrentDictionary<string, System.Net.CookieContainer>();
        var ordered = emails.ToList();
        await Parallel.ForEachAsync(ordered, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (email, _) =>
        {
            var container = new System.Net.CookieContainer();
            using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = container, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
            await PortalServer.SignInAsync(client, email);
            cookies[email] = container;
        });
        return [.. ordered.Select(e => cookies[e])];
    }

    private static HubConnection Connect(PortalServer server, System.Net.CookieContainer cookies, DropCounter drops)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/chat"), o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        connection.Closed += drops.OnClosed;
        return connection;
    }

    private sealed record ChatPair(string ConversationId, HubConnection Investor, HubConnection Agent);

    private sealed record RunResult(double Rate, double P50, double P99, double Max, int Lost, int Duplicated, int SendErrors, double AppCpuPerMessage)
    {
        public string Describe(string label) => string.Create(CultureInfo.InvariantCulture,
            $"{label}: {Rate:0} messages/s delivered, p50 {P50:0.0} ms, p99 {P99:0.0} ms, max {Max:0.0} ms; lost {Lost}, duplicated {Duplicated}, " +
            $"send errors {SendErrors}; app CPU per message {AppCpuPerMessage:0.00} ms");
    }

    /// <summary>What one run sent and what the other sides received.</summary>
    private sealed class RunTracker
    {
        private readonly ConcurrentDictionary<string, long> _awaiting = new();
        private readonly ConcurrentDictionary<(string, long, ChatParty), byte> _seen = new();
        private readonly ConcurrentBag<double> _latencies = [];
        private int _duplicated;
        private int _failed;

        public void Sending(string clientMessageId) => _awaiting[clientMessageId] = Stopwatch.GetTimestamp();

        public void Failed(string clientMessageId, string error)
        {
            _awaiting.TryRemove(clientMessageId, out _);
            if (Interlocked.Increment(ref _failed) <= 3)
            {
                Console.Error.WriteLine("  send failed: " + error);
            }
        }

        /// <summary>A message reached <paramref name="receiver"/>'s side; its own messages echo back and are not counted.</summary>
        public void Received(ChatPair pair, ChatMessage message, ChatParty receiver)
        {
            if (message.Sender == receiver || message.ConversationId != pair.ConversationId)
            {
                return;
            }

            if (!_seen.TryAdd((message.ConversationId, message.Sequence, receiver), 0))
            {
                Interlocked.Increment(ref _duplicated);
                return;
            }

            if (_awaiting.TryRemove(message.ClientMessageId, out var sentAt))
            {
                _latencies.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
            }
        }

        public RunResult Result(TimeSpan sendingTime, double appCpu)
        {
            var sorted = _latencies.Order().ToArray();
            double At(double share) => sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(sorted.Length * share) - 1)];
            return new(sorted.Length / sendingTime.TotalSeconds, At(0.5), At(0.99), sorted.Length == 0 ? double.NaN : sorted[^1],
                _awaiting.Count, _duplicated, _failed, sorted.Length == 0 ? double.NaN : appCpu / sorted.Length);
        }
    }

    /// <summary>Connections the server or the network closed while the benchmark still wanted them.</summary>
    private sealed class DropCounter
    {
        private int _count;
        private volatile bool _stopped;

        public int Count => _count;

        public Task OnClosed(Exception? error)
        {
            if (!_stopped)
            {
                Interlocked.Increment(ref _count);
                Console.Error.WriteLine("  connection dropped: " + (error?.Message ?? "closed by the server"));
            }

            return Task.CompletedTask;
        }

        public void Stop() => _stopped = true;
    }
}
