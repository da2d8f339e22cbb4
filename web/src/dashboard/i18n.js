// The dashboard's words in Chinese (the default) and English.

const WORDS = {
  zh: {
    title: '成都市大群团数据看板',
    city: '成都市',
    overview: '全市概览',
    district: '区（市）县',
    region: '区域',
    total: '合计',
    figures: '各组织主要指标',
    chart: '各组织基层组织数',
    loading: '加载中…',
    live: '实时',
    liveConnecting: '连接中',
    liveOffline: '已断开，重连中',
    query: '查询',
    openGraphiql: '在 GraphiQL 中打开',
    copy: '复制',
    unavailable: '暂时无法获取数据',
    otherError: '请求出错',
    centres: '群团服务中心',
    centreName: '名称',
    centreKind: '类型',
    runs: '各组织在此开展',
    rating: '满意度',
    ratings: '条评价',
    noCentres: '本区域暂无服务中心',
    disputes: '劳动纠纷（按状态）',
    recentCases: '最近案件',
    caseHistory: '案件经过',
    unionSteps: '工会调处步骤',
    womenAssistance: '妇联维权协助',
    claimant: '申请人',
    personalHidden: '个人信息需登录并具备相应权限后可见。',
    personalDenied: '当前令牌没有查看个人信息的权限',
    signIn: '登录',
    signOut: '退出',
    signedIn: '已登录',
    tokenPrompt: '粘贴开发令牌（quntuan dev 启动时打印）',
    none: '无',
    close: '关闭',
    lang: 'English',
    RECEIVED: '已受理', MEDIATING: '调解中', RESOLVED: '已调解', REFERRED_TO_ARBITRATION: '转仲裁', WITHDRAWN: '已撤回',
    unions: '工会', youth: '共青团', women: '妇联', science: '科协', disability: '残联', hub: '群团联席',
    grassrootsUnionCount: '基层工会', workersHomeCount: '职工之家',
    branchCount: '团组织', volunteerCount: '青年志愿者', youthHomeCount: '青年之家',
    organizationCount: '基层组织', womensHomeCount: '妇女之家', childrensHomeCount: '儿童之家',
    associationCount: '企事业科协', workstationCount: '专家工作站', workerCount: '专职工作者',
  },
  en: {
    title: 'Chengdu mass organisations dashboard',
    city: 'Chengdu',
    overview: 'City overview',
    district: 'District',
    region: 'Region',
    total: 'Total',
    figures: 'Headline figures per organisation',
    chart: 'Grassroots organisations per organisation',
    loading: 'Loading…',
    live: 'Live',
    liveConnecting: 'Connecting',
    liveOffline: 'Offline, reconnecting',
    query: 'Query',
    openGraphiql: 'Open in GraphiQL',
    copy: 'Copy',
    unavailable: 'is unavailable',
    otherError: 'Request error',
    centres: 'Service centres',
    centreName: 'Name',
    centreKind: 'Kind',
    runs: 'What each organisation runs there',
    rating: 'Satisfaction',
    ratings: 'ratings',
    noCentres: 'No service centre in this region',
    disputes: 'Labour disputes by status',
    recentCases: 'Recent cases',
    caseHistory: 'Case history',
    unionSteps: "The union's steps",
    womenAssistance: "Women's federation assistance",
    claimant: 'Claimant',
    personalHidden: 'Personal data is shown only after signing in with a token that carries the scope.',
    personalDenied: 'Your token lacks the scope for personal data',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedIn: 'Signed in',
    tokenPrompt: 'Paste a development token (printed by quntuan dev)',
    none: 'none',
    close: 'Close',
    lang: '中文',
    RECEIVED: 'Received', MEDIATING: 'Mediating', RESOLVED: 'Resolved', REFERRED_TO_ARBITRATION: 'Arbitration', WITHDRAWN: 'Withdrawn',
    unions: 'Unions', youth: 'Youth League', women: "Women's Fed.", science: 'Science Assoc.', disability: 'Disabled Fed.', hub: 'Coordination hub',
    grassrootsUnionCount: 'Grassroots unions', workersHomeCount: "Workers' homes",
    branchCount: 'League branches', volunteerCount: 'Volunteers', youthHomeCount: 'Youth homes',
    organizationCount: 'Organisations', womensHomeCount: "Women's homes", childrensHomeCount: "Children's homes",
    associationCount: 'Associations', workstationCount: 'Workstations', workerCount: 'Workers',
  },
};

let lang = localStorage.getItem('quntuan.lang') === 'en' ? 'en' : 'zh';

export function language() {
  return lang;
}

export function setLanguage(value) {
  lang = value === 'en' ? 'en' : 'zh';
  localStorage.setItem('quntuan.lang', lang);
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

export function t(key) {
  return WORDS[lang][key] ?? key;
}
