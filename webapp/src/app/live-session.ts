// The one live channel of the signed-in user: started after login for roles that
// watch cases, stopped on logout.
import { api } from '../shared/api';
import { channelUrl, LiveChannel } from '../shared/live';

let channel: LiveChannel | null = null;

export function liveChannel(): LiveChannel {
  if (!channel) {
    // Before reconnecting after failures, ask who we are: a 401 there sends us to login.
    channel = new LiveChannel(channelUrl(), async () => {
      await api.me();
    });
  }
  return channel;
}

export function stopLive(): void {
  channel?.stop();
}
