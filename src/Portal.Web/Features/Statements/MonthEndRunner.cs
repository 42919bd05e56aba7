using System.Threading.Channels;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;

namespace Portal.Web.Features.Statements;

public enum MonthEndRequestOutcome
{
    /// <summary>The month was queued and starts at once.</summary>
    Started,

    /// <summary>That month was already waiting or running; the caller follows the same run.</summary>
    Joined,

    /// <summary>Another month is running; only one month-end runs at a time.</summary>
    Refused,
}

/// <summary>The answer to a request: what happened and the run it is about (for a refusal, the run that is busy).</summary>
public sealed record MonthEndRequest(MonthEndRequestOutcome Outcome, MonthEndJob Job);

/// <summary>One month's run in the background; <see cref="Progress"/> is replaced after every batch.</summary>
public sealed class MonthEndJob
{
    private readonly TaskCompletionSource<MonthEndProgress> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal MonthEndJob(MonthEndProgress progress) => Progress = progress;

    public DateOnly Month => Progress.Month;

    public MonthEndProgress Progress { get; private set; }

    /// <summary>Completes with the finished or failed run; ends cancelled when the app stops first.</summary>
    public Task<MonthEndProgress> Completion => _done.Task;

    internal void Report(MonthEndProgress progress)
    {
        Progress = progress;
        if (!progress.IsActive)
        {
            _done.TrySetResult(progress);
        }
    }

    internal void Cancel() => _done.TrySetCanceled();
}

/// <summary>
/// Runs month-end in the server's background, one month at a time, so it does not depend on the admin's page:
/// the page asks for a month and follows its <see cref="MonthEndUpdates"/>. Asking for the month that is running joins it;
/// asking for another month meanwhile is refused. Runs the app left unfinished (it stopped part-way) are resumed
/// at start-up from their last saved batch. The command line runs <see cref="MonthEndService"/> directly instead.
/// Only admins may ask; the runs themselves act as the portal (<see cref="RunnerActor"/>).
/// </summary>
public sealed partial class MonthEndRunner(
    IServiceScopeFactory scopes, StatementCalendar calendar, AuditTrail audit, MonthEndUpdates updates, ILogger<MonthEndRunner> logger) : BackgroundService
{
    /// <summary>Who runs the background month-ends, in the audit trail.</summary>
    public static readonly Actor RunnerActor = Actor.System("month-end runner");

    private readonly Lock _lock = new();
    private readonly Channel<MonthEndJob> _queue = Channel.CreateUnbounded<MonthEndJob>(new UnboundedChannelOptions { SingleReader = true });

    // Waiting or running, in the order they run (several only when start-up resumes more than one month).
    private readonly List<MonthEndJob> _jobs = [];

    // Failures are kept for the page until the month is asked for again; the run itself stays unfinished in the database.
    private readonly Dictionary<DateOnly, MonthEndProgress> _failures = [];

    /// <summary>The run going on now (or next in line), or null when the runner is idle.</summary>
    public MonthEndJob? Current
    {
        get
        {
            lock (_lock)
            {
                return _jobs.Count > 0 ? _jobs[0] : null;
            }
        }
    }

    /// <summary>The month's run while it waits or runs, or null.</summary>
    public MonthEndJob? Find(DateOnly month)
    {
        lock (_lock)
        {
            return _jobs.Find(j => j.Month == month);
        }
    }

    /// <summary>An admin asks for a closed month's month-end to run in the background; the request is audited with its outcome.</summary>
    public async Task<MonthEndRequest> RequestAsync(Actor actor, DateOnly month, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        month = StatementsMapping.MonthOf(month);
        if (month >= calendar.CurrentMonth)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "Only a month that has ended can be closed.");
        }

        var request = Enter(month);
        await audit.RecordAsync(actor, AuditActions.MonthEndRequested, $"statement:{StatementFormat.MonthKey(month)}",
            request.Outcome == MonthEndRequestOutcome.Refused ? $"Refused: {StatementFormat.MonthKey(request.Job.Month)} is running" : request.Outcome.ToString(),
            cancellationToken);
        return request;
    }

    /// <summary>The month's state: live while it waits or runs, a failure of this app's lifetime, else the saved run (null: never run).</summary>
    public async Task<MonthEndProgress?> GetProgressAsync(DateOnly month, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_jobs.Find(j => j.Month == month) is { } job)
            {
                return job.Progress;
            }

            if (_failures.TryGetValue(month, out var failure))
            {
                return failure;
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MonthEndService>().GetProgressAsync(month, cancellationToken);
    }

    /// <summary>Queues the runs left unfinished before the first request can come in (the host awaits this before it serves).</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var unfinished = await scope.ServiceProvider.GetRequiredService<MonthEndService>().GetUnfinishedMonthsAsync(cancellationToken);
            lock (_lock)
            {
                foreach (var month in unfinished.Where(m => _jobs.TrueForAll(j => j.Month != m)))
                {
                    LogResuming(month);
                    Enqueue(month);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The app still serves; an admin can run the month again from the page.
            LogResumeFailed(ex);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunAsync(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: an interrupted run is unfinished in the database and resumes at the next start.
        }
        finally
        {
            lock (_lock)
            {
                _jobs.ForEach(j => j.Cancel());
                _jobs.Clear();
            }
        }
    }

    private MonthEndRequest Enter(DateOnly month)
    {
        lock (_lock)
        {
            if (_jobs.Find(j => j.Month == month) is { } same)
            {
                return new(MonthEndRequestOutcome.Joined, same);
            }

            if (_jobs.Count > 0)
            {
                return new(MonthEndRequestOutcome.Refused, _jobs[0]);
            }

            return new(MonthEndRequestOutcome.Started, Enqueue(month));
        }
    }

    private MonthEndJob Enqueue(DateOnly month)
    {
        var job = new MonthEndJob(new(month, 0, 0, 0, MonthEndState.Waiting));
        _jobs.Add(job);
        _failures.Remove(month);
        _queue.Writer.TryWrite(job);
        return job;
    }

    private async Task RunAsync(MonthEndJob job, CancellationToken stoppingToken)
    {
        LogStarted(job.Month);
        MonthEndProgress result;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<MonthEndService>();
            // The service's last report is the finished run; that is published below, once the job is off the list.
            var progress = new InlineProgress<MonthEndProgress>(p =>
            {
                if (p.IsActive)
                {
                    Publish(job, p);
                }
            });
            result = await service.RunAsync(RunnerActor, job.Month, progress, stoppingToken);
            LogFinished(job.Month, result.Processed, result.TierChanges);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Batches saved so far stay; running the month again continues after them.
            LogFailed(ex, job.Month, job.Progress.Processed, job.Progress.Total);
            result = job.Progress with { State = MonthEndState.Failed };
        }

        lock (_lock)
        {
            _jobs.Remove(job);
            if (result.State == MonthEndState.Failed)
            {
                _failures[job.Month] = result;
            }
        }

        Publish(job, result);
    }

    /// <summary>Tells the pages (on every instance) before the job completes, so a follower never misses the last step.</summary>
    private void Publish(MonthEndJob job, MonthEndProgress progress)
    {
        // Not awaited: the run does not wait for pages. The bus sends in the order it is given, so steps arrive in order.
        _ = NotifyAsync(progress);
        job.Report(progress);
    }

    private async Task NotifyAsync(MonthEndProgress progress)
    {
        try
        {
            await updates.NotifyAsync(progress);
        }
        catch (Exception ex)
        {
            // A page that went away, or a bus that is down, must not stop the run.
            LogListenerFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Month-end {Month} left unfinished; resuming it in the background.")]
    private partial void LogResuming(DateOnly month);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look for unfinished month-end runs at start-up.")]
    private partial void LogResumeFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Month-end {Month} started in the background.")]
    private partial void LogStarted(DateOnly month);

    [LoggerMessage(Level = LogLevel.Information, Message = "Month-end {Month} finished: {Processed} investors, {TierChanges} tier changes.")]
    private partial void LogFinished(DateOnly month, int processed, int tierChanges);

    [LoggerMessage(Level = LogLevel.Error, Message = "Month-end {Month} failed after {Processed} of {Total} investors; running it again continues from there.")]
    private partial void LogFailed(Exception ex, DateOnly month, int processed, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A month-end progress listener failed.")]
    private partial void LogListenerFailed(Exception ex);
}
