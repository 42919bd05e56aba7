using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Portal.Web.Data;

/// <summary>
/// A compiled EF query (<see cref="EF.CompileAsyncQuery{TContext,TParam1,TResult}(System.Linq.Expressions.Expression{Func{TContext,TParam1,CancellationToken,TResult}})"/>
/// and its kin) compiled once for each model it runs against. EF refuses to run a compiled query with a model other
/// than the one it was compiled for, and one process may hold several (SQLite's and PostgreSQL's, as the tests do).
/// </summary>
/// <typeparam name="TQuery">The compiled query's delegate.</typeparam>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
