using Dso.Domain.Work;

namespace Dso.Api.Jobs;

/// <summary>
/// The loop of a background worker: take the next piece of work, else wait for its signal (or the poll); a lost
/// lease and any other failure (a busy or unreachable database included) are logged, and the loop goes on.
/// </summary>
internal static class WorkLoop
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(Func<CancellationToken, Task<bool>> runNext, WorkSignal signal, Action<string> leaseLost, Action<Exception> failed, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await runNext(stoppingToken))
                {
                    await signal.WaitAsync(Poll, stoppingToken);
                }
            }
            catch (LeaseLostException e)
            {
                leaseLost(e.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failed(e);
                await Task.Delay(Poll, stoppingToken);
            }
        }
    }
}
