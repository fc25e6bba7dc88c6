// Chinese by default; the choice of language is kept in localStorage (it is no secret, unlike the key).
const WORDS = {
  zh: {
    switchTo: 'English', signOut: '退出', overview: '概览', viewers: '观众明细',
    signInTitle: '登录 Watchtime 控制台', signInHint: '输入只读（read）权限的 API Key。Key 仅保存在本浏览器标签页的会话中，关闭即清除。',
    key: 'API Key', signIn: '登录', badKey: 'Key 无效或已吊销', noScope: '该 Key 没有读取权限', serverError: '服务器出错：',
    networkError: '无法连接服务器', loading: '加载中…', noData: '暂无数据', retry: '重试',
    liveRooms: '正在直播', endedRooms: '已结束直播间', viewerVisits: '观看人次', watchTime: '观看总时长',
    liveTime: '直播观看', replayTime: '回放观看', previewTime: '预告观看', lastDays: '近 {0} 天', days: '{0} 天',
    trend: '每日趋势', liveVsReplay: '直播与回放', rooms: '直播间', allRooms: '全部直播间',
    status: '状态', live: '直播中', ended: '已结束', preview: '预告', room: '直播间', roomId: '直播间ID',
    viewerCount: '观众数', rounds: '场次', firstActivity: '最早活动', lastActivity: '最近活动',
    avgStay: '人均时长', peakOnline: '最高在线', at: '于 {0}', concurrency: '实时在线人数', online: '在线',
    round: '第 {0} 场', allRounds: '全部场次', stayDistribution: '观看时长分布', devices: '设备',
    provinces: '地域（省份）', stores: '门店排行', inviters: '邀请人排行', name: '名称', unknown: '未知',
    roomViewers: '观众列表', viewer: '观众', viewerId: '观众ID', nickname: '昵称', stay: '观看时长',
    firstVisit: '首次访问', lastVisit: '最近访问', device: '设备', area: '地区', store: '门店', channel: '渠道',
    inviter: '邀请人', updated: '更新时间', ip: 'IP', followingLive: '直播中 · 每 3 秒自动刷新',
    updatedAt: '更新于 {0}', from: '开始时间', to: '结束时间', sort: '排序', newestFirst: '最近更新在前',
    oldestFirst: '最早更新在前', pageSize: '每页', search: '查询', reset: '重置', total: '共 {0} 条',
    pageOf: '第 {0} / {1} 页', prev: '上一页', next: '下一页', downloadCsv: '下载 CSV', downloadXlsx: '下载 Excel',
    downloading: '正在导出 {0} 条…', tooMany: '超过 {0} 条，请缩小筛选范围后再导出', viewerDetail: '观众详情',
    roomsWatched: '看过的直播间', backToViewers: '返回观众明细', backToOverview: '返回概览', notFound: '页面不存在',
    h: '小时', m: '分', s: '秒', hours: '小时', pc: '电脑', android: 'Android', ios: 'iOS', other: '其他',
    viewersOfDay: '观看人次', watchHours: '观看时长（小时）', exportRoom: '筛选与导出本直播间观众', unionid: 'UnionID', openid: 'OpenID',
  },
  en: {
    switchTo: '中文', signOut: 'Sign out', overview: 'Overview', viewers: 'Viewers',
    signInTitle: 'Sign in to the Watchtime console', signInHint: 'Enter an API key of scope read. It is kept in this browser tab\'s session only and is gone when the tab closes.',
    key: 'API key', signIn: 'Sign in', badKey: 'Unknown or revoked key', noScope: 'This key cannot read', serverError: 'Server error: ',
    networkError: 'Cannot reach the server', loading: 'Loading…', noData: 'No data', retry: 'Retry',
    liveRooms: 'Live now', endedRooms: 'Ended rooms', viewerVisits: 'Viewer visits', watchTime: 'Watch time',
    liveTime: 'Live', replayTime: 'Replay', previewTime: 'Preview', lastDays: 'last {0} days', days: '{0} days',
    trend: 'Trend by day', liveVsReplay: 'Live vs replay', rooms: 'Rooms', allRooms: 'All rooms',
    status: 'Status', live: 'Live', ended: 'Ended', preview: 'Preview', room: 'Room', roomId: 'Room ID',
    viewerCount: 'Viewers', rounds: 'Rounds', firstActivity: 'First activity', lastActivity: 'Last activity',
    avgStay: 'Average stay', peakOnline: 'Peak online', at: 'at {0}', concurrency: 'Viewers online', online: 'Online',
    round: 'Round {0}', allRounds: 'All rounds', stayDistribution: 'Watch-time distribution', devices: 'Devices',
    provinces: 'Provinces', stores: 'Stores', inviters: 'Inviters', name: 'Name', unknown: 'Unknown',
    roomViewers: 'Viewers of the room', viewer: 'Viewer', viewerId: 'Viewer ID', nickname: 'Name', stay: 'Watch time',
    firstVisit: 'First visit', lastVisit: 'Last visit', device: 'Device', area: 'Area', store: 'Store', channel: 'Channel',
    inviter: 'Inviter', updated: 'Updated', ip: 'IP', followingLive: 'Live · refreshes every 3 s',
    updatedAt: 'updated {0}', from: 'From', to: 'To', sort: 'Sort', newestFirst: 'Newest first',
    oldestFirst: 'Oldest first', pageSize: 'Per page', search: 'Search', reset: 'Reset', total: '{0} records',
    pageOf: 'Page {0} of {1}', prev: 'Previous', next: 'Next', downloadCsv: 'Download CSV', downloadXlsx: 'Download Excel',
    downloading: 'Exporting {0} records…', tooMany: 'More than {0} records; narrow the filters to export', viewerDetail: 'Viewer',
    roomsWatched: 'Rooms watched', backToViewers: 'Back to viewers', backToOverview: 'Back to overview', notFound: 'No such page',
    h: 'h', m: 'm', s: 's', hours: 'hours', pc: 'PC', android: 'Android', ios: 'iOS', other: 'Other',
    viewersOfDay: 'Viewer visits', watchHours: 'Watch time (hours)', exportRoom: 'Filter and download this room\'s viewers', unionid: 'UnionID', openid: 'OpenID',
  },
};

const STORE = 'watchtime.lang';

export function lang() {
  return localStorage.getItem(STORE) === 'en' ? 'en' : 'zh';
}

export function toggleLang() {
  localStorage.setItem(STORE, lang() === 'en' ? 'zh' : 'en');
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
}

export function t(word, ...args) {
  const text = WORDS[lang()][word] ?? word;
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
}
