using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace TwoFactorDemo.Web.Data;

/// <summary>
/// For a value already written with a targeted <c>ExecuteUpdate</c>: puts it on the tracked entity as both its
/// current and its original value, so the entity reads right and no later <c>SaveChanges</c> writes it again.
/// </summary>
public static class TrackedValues
{
    public static void SetStored<TEntity, TProperty>(this DbContext db, TEntity entity, Expression<Func<TEntity, TProperty>> property, TProperty value)
        where TEntity : class
    {
        var entry = db.Entry(entity);
        var member = entry.Property(property);
        member.CurrentValue = value;
        if (entry.State != EntityState.Detached)
        {
            member.OriginalValue = value;
            member.IsModified = false;
        }
    }
}
