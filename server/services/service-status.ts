import { CHANNELS, type Channel, type NoticeChannel } from '../db/schema';
import { CHANNEL_STATES, channelHealth, type ChannelHealth, type ChannelState } from './channel-health';
import type { ServiceContext } from './context';
import { activeNotice } from './support/service-notices';

/**
 * The public service status: each channel's health and the notices workers are shown, the same
 * for everyone (nothing about any account or contact). Computed at most once per
 * `SERVICE_STATUS_CACHE_SECONDS` per process however many pages ask, and on a timer as well, so a
 * channel that changes state is logged and counted even while nobody is reading.
 */

export interface PublicNotice {
  /** `automatic`: from the channel's health; `support`: written by an agent. */
  source: 'automatic' | 'support';
  channel: NoticeChannel;
  /** The channel's state (automatic notices). */
  state: Exclude<ChannelState, 'ok'> | null;
  waitSeconds: number | null;
  /** The agent's words in both languages (support notices). */
  text: { en: string; fr: string } | null;
  until: string | null;
}

export interface ServiceStatusView {
  checkedAt: string;
  channels: Record<Channel, { state: ChannelState; waitSeconds: number | null }>;
  /** A support notice replaces the automatic one of the channels it is about; the others stay beside it. */
  notices: PublicNotice[];
}

interface Computed {
  view: ServiceStatusView;
  health: Record<Channel, ChannelHealth>;
  /** Until when it is served (ms since epoch): the cache's end, or a support notice's if sooner. */
  expiresAt: number;
}

export class ServiceStatus {
  private cached: Computed | null = null;
  private computing: Promise<Computed> | null = null;
  private readonly known: Partial<Record<Channel, ChannelState>> = {};
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly ctx: ServiceContext) {}

  /** The status as served now, and how many seconds it may be cached. */
  async current(): Promise<{ view: ServiceStatusView; maxAgeSeconds: number; health: Computed['health'] }> {
    const now = this.ctx.clock.now().getTime();
    const computed = this.cached && this.cached.expiresAt > now ? this.cached : await this.refresh();
    return {
      view: computed.view,
      health: computed.health,
      maxAgeSeconds: Math.max(0, Math.floor((computed.expiresAt - now) / 1000)),
    };
  }

  /** A support notice changed: the next reader gets it at once (on this instance). */
  invalidate(): void {
    this.cached = null;
  }

  /** Computes afresh (one computation at a time: concurrent readers share it). */
  refresh(): Promise<Computed> {
    this.computing ??= this.compute().finally(() => {
      this.computing = null;
    });
    return this.computing;
  }

  /** Computes now and then every cache time: the gauges are there from the start, and changes are logged. */
  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.refresh().catch((error: unknown) =>
        this.ctx.logger.warn({ err: error }, 'service status not computed'),
      );
    };
    this.timer = setInterval(tick, this.ctx.config.service.cacheSeconds * 1000);
    this.timer.unref();
    tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async compute(): Promise<Computed> {
    const at = this.ctx.clock.now();
    const config = this.ctx.config.service;
    const health = await channelHealth(this.ctx.db, config, at);
    const support = await activeNotice(this.ctx.db, at);
    this.record(health);
    const covered = support ? (support.channel === 'all' ? CHANNELS : [support.channel]) : [];
    const notices: PublicNotice[] = [];
    if (support)
      notices.push({
        source: 'support',
        channel: support.channel,
        state: null,
        waitSeconds: null,
        text: { en: support.textEn, fr: support.textFr },
        until: support.endsAt.toISOString(),
      });
    for (const channel of CHANNELS) {
      const { state, waitSeconds } = health[channel];
      if (state === 'ok' || covered.includes(channel)) continue;
      notices.push({ source: 'automatic', channel, state, waitSeconds, text: null, until: null });
    }
    const expiresAt = Math.min(
      at.getTime() + config.cacheSeconds * 1000,
      support ? support.endsAt.getTime() : Infinity,
    );
    const channels = Object.fromEntries(
      CHANNELS.map((channel) => [
        channel,
        { state: health[channel].state, waitSeconds: health[channel].waitSeconds },
      ]),
    ) as ServiceStatusView['channels'];
    this.cached = { view: { checkedAt: at.toISOString(), channels, notices }, health, expiresAt };
    return this.cached;
  }

  /** The gauge of each channel, and a log line when one changes state (or starts anything but ok). */
  private record(health: Record<Channel, ChannelHealth>): void {
    for (const channel of CHANNELS) {
      const { state, signals } = health[channel];
      for (const each of CHANNEL_STATES)
        this.ctx.metrics?.channelState.set({ channel, state: each }, each === state ? 1 : 0);
      const before = this.known[channel];
      this.known[channel] = state;
      if (before === state || (before === undefined && state === 'ok')) continue;
      const line = { channel, from: before ?? null, to: state, ...signals };
      if (state === 'ok') this.ctx.logger.info(line, 'message channel back to normal');
      else this.ctx.logger.warn(line, `message channel ${state}`);
    }
  }
}
