using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace TwoFactorDemo.Web.Administration;

/// <summary>Joins filters written separately (each method's "enrolled") into one the database runs.</summary>
public static class Predicates
{
    /// <summary>True for an item that matches at least one of <paramref name="filters"/>; false when there are none.</summary>
    public static Expression<Func<T, bool>> AnyOf<T>(IEnumerable<Expression<Func<T, bool>>> filters)
    {
        var item = Expression.Parameter(typeof(T), "item");
        var body = filters
            .Select(f => ReplacingExpressionVisitor.Replace(f.Parameters[0], item, f.Body))
            .Aggregate((Expression)Expression.Constant(false), Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(body, item);
    }

    /// <summary>True for an item that matches none of <paramref name="filters"/>.</summary>
    public static Expression<Func<T, bool>> NoneOf<T>(IEnumerable<Expression<Func<T, bool>>> filters)
    {
        var any = AnyOf(filters);
        return Expression.Lambda<Func<T, bool>>(Expression.Not(any.Body), any.Parameters);
    }
}
