import type { IDataObject } from 'n8n-workflow';

import { asObject } from '../shared/answers';

/**
 * EngageLab's message statistics, made readable: the answer nests counts per kind (notification,
 * message), per platform (sub_android, sub_ios, sub_web...) and per channel (huawei, apns...), and
 * spells some counts in the singular (`target`, `click`). Every count comes out under one plural name.
 */
const METRIC_NAMES: Record<string, string> = {
	target: 'targets',
	targets: 'targets',
	sent: 'sent',
	send: 'sent',
	delivered: 'delivered',
	deliver: 'delivered',
	received: 'delivered',
	impression: 'impressions',
	impressions: 'impressions',
	click: 'clicks',
	clicks: 'clicks',
};

export const METRICS = ['targets', 'sent', 'delivered', 'impressions', 'clicks'] as const;

export interface ChannelRow extends IDataObject {
	/** notification or message */
	kind: string;
	/** android, ios, hmos, web..., or "" for the kind's own totals */
	platform: string;
	/** huawei, apns, engageLab_android..., or "" for a platform's totals */
	channel: string;
}

/** The counts of one node of the answer, under their plural names; other scalar fields kept as they are. */
export function metricsOf(node: unknown): IDataObject {
	const counts: IDataObject = {};
	for (const [key, value] of Object.entries(asObject(node))) {
		if (typeof value === 'object' && value !== null) continue;
		const name = METRIC_NAMES[key] ?? METRIC_NAMES[key.toLowerCase()];
		counts[name ?? key] = value;
	}
	return counts;
}

const platformOf = (key: string) => key.replace(/^sub_/, '');
const isSub = (key: string, value: unknown) =>
	key.startsWith('sub') && typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rows for every kind, platform and channel of the `sub` part of one message's statistics. */
export function channelRows(sub: unknown): ChannelRow[] {
	const rows: ChannelRow[] = [];
	for (const [kind, kindNode] of Object.entries(asObject(sub))) {
		if (typeof kindNode !== 'object' || kindNode === null) continue;
		rows.push({ kind, platform: '', channel: '', ...metricsOf(kindNode) });
		for (const [platformKey, platformNode] of Object.entries(asObject(kindNode))) {
			if (!isSub(platformKey, platformNode)) continue;
			const platform = platformOf(platformKey);
			const channels = Object.entries(asObject(platformNode)).filter(
				([, value]) => typeof value === 'object' && value !== null,
			);
			const totals = metricsOf(platformNode);
			if (Object.keys(totals).length || channels.length === 0)
				rows.push({ kind, platform, channel: '', ...totals });
			for (const [channel, channelNode] of channels)
				rows.push({ kind, platform, channel, ...metricsOf(channelNode) });
		}
	}
	return rows;
}

/** One message's output fields: its totals, then each kind's totals, then one row per channel. */
export function flattenReport(msgId: string, stats: unknown): IDataObject {
	const node = asObject(stats);
	const totals = metricsOf(node);
	const rows = channelRows(node.sub);
	const byKind: IDataObject = {};
	for (const row of rows) {
		if (row.platform !== '' || row.channel !== '') continue;
		const counts: IDataObject = { ...row };
		for (const key of ['kind', 'platform', 'channel']) delete counts[key];
		byKind[row.kind] = counts;
	}
	const fields: IDataObject = { msgId };
	for (const metric of METRICS) fields[metric] = totals[metric] ?? 0;
	for (const [key, value] of Object.entries(totals))
		if (!(METRICS as readonly string[]).includes(key)) fields[key] = value;
	return { ...fields, ...byKind, channels: rows.filter((row) => row.platform !== '') };
}
