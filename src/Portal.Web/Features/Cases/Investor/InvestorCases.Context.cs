using Microsoft.Extensions.Localization;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Statements;
using Portal.Web.Resources;

namespace Portal.Web.Features.Cases;

// "Report a problem": what a complaint about a transaction or a statement starts with.
public sealed partial class InvestorCases
{
    /// <summary>What "Report a problem" prefills from the investor's own transaction or statement month; null when it is not theirs.</summary>
    public async Task<CaseContext?> GetContextAsync(Actor actor, long? transactionId, string? statementMonth, CancellationToken cancellationToken = default)
    {
        actor.RequireInvestor();
        await using var scope = scopes.CreateAsyncScope();
        var statements = scope.ServiceProvider.GetRequiredService<StatementService>();
        var names = scope.ServiceProvider.GetRequiredService<IStringLocalizer<StatementsText>>();
        if (transactionId is { } id)
        {
            if (await statements.GetTransactionAsync(actor, id, cancellationToken) is not { } line)
            {
                return null;
            }

            var type = StatementFormat.Type(names, line.Type);
            var date = StatementFormat.Date(line.TradeDate);
            var summary = string.Join(", ", new[]
            {
                type, date, Money.Format(line.AmountFen),
                line.FailureReason is { } reason ? $"{StatementFormat.Status(names, line.Status)}: {names["Reason." + reason]}" : StatementFormat.Status(names, line.Status),
            });
            var subject = store.Text["Context.TransactionSubject", type, date].Value;
            return new(line.AccountNumber, line.Id, Trim(summary, 300), Trim(subject, CaseLimits.MaxSubject));
        }

        if (StatementFormat.TryParseMonth(statementMonth, out var month))
        {
            if (!(await statements.ListStatementsAsync(actor, cancellationToken)).Any(s => s.Month == month))
            {
                return null;
            }

            await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
            var profile = await store.Investors.FindProfileAsync(db, actor, actor.InvestorId!.Value, cancellationToken);
            if (profile is null)
            {
                return null;
            }

            var name = StatementFormat.MonthName(month);
            return new(profile.AccountNumber, null, store.Text["Context.StatementSummary", name], Trim(store.Text["Context.StatementSubject", name], CaseLimits.MaxSubject));
        }

        return null;
    }

    private static string Trim(string value, int max) => value.Length <= max ? value : value[..max];
}
