using System.Text;

namespace Renda.Bench.Search;

/// <summary>
/// Suggestion-like Chinese texts, 150–400 characters: a title, background, problems and numbered
/// measures, drawn from phrase banks of ten subjects and filled with Qinghai place names, villages
/// and figures. Text i is a pure function of (seed, i), so a benchmark can rebuild any stored text
/// without keeping a million of them in memory. Real suggestions vary more than this (which makes
/// the generated corpus the harder case: more texts share more bigrams). Without names (persons,
/// firms, projects named from hundreds of characters) every text is made of stock phrases only:
/// the worst case for finding duplicates by rare tokens.
/// </summary>
public sealed class SuggestionGenerator(int seed, bool names = true)
{
    public const int Congresses = 5;
    public const int FirstYear = 2021;
    public const int Years = 5;

    public static int CongressOf(long id) => (int)(id % Congresses) + 1;
    public static int YearOf(long id) => FirstYear + (int)(id / Congresses % Years);

    private static readonly string[] Cities =
    [
        "格尔木市", "德令哈市", "茫崖市", "乌兰县", "都兰县", "天峻县", "大柴旦行委", "共和县", "贵德县", "门源县",
        "祁连县", "刚察县", "同仁市", "玛沁县", "玉树市", "囊谦县", "化隆县", "循化县", "互助县", "湟源县",
        "大通县", "乐都区", "平安区", "民和县", "兴海县", "同德县", "贵南县", "泽库县", "河南县", "尖扎县",
    ];

    private static readonly string[] Towns =
    [
        "冷湖镇", "柯鲁柯镇", "希里沟镇", "香日德镇", "宗加镇", "郭勒木德镇", "唐古拉山镇", "尕海镇", "怀头他拉镇", "蓄集乡",
        "茶卡镇", "铜普镇", "察汗乌苏镇", "夏日哈镇", "热水乡", "沟里乡", "江河镇", "快尔玛乡", "阿尔顿曲克乡", "锡铁山镇",
        "花土沟镇", "茫崖镇", "乌图美仁乡", "大格勒乡", "巴隆乡", "新源镇", "木里镇", "浩门镇", "八宝镇", "沙柳河镇",
    ];

    private static readonly string[] VillageHeads =
    [
        "东", "西", "南", "北", "新", "红", "光明", "团结", "幸福", "和平", "金", "银", "沙", "柳", "马", "王", "巴", "尕", "塔", "宗", "上", "下", "中", "前", "后",
        "拉", "查", "哈", "卓", "索", "德", "阿", "尔", "更", "达", "扎", "日", "吉", "昂", "多", "加", "才", "切", "麻", "黄", "石", "羊", "牛", "草",
    ];
    private static readonly string[] VillageTails = ["滩", "沟", "庄", "台", "湾", "河", "泉", "岭", "坪", "格", "塘", "寨", "滩头", "尕塘", "查干", "哇", "隆", "玛", "乎", "木"];

    private sealed record Subject(string[] Titles, string[] Background, string[] Problems, string[] Measures);

    private static readonly Subject[] Subjects =
    [
        new( // dark-sky protection and astronomy
            ["加强{town}天文观测基地暗夜保护", "推动{city}天文科普旅游发展", "制定天文观测环境保护条例", "完善{town}天文台址配套设施"],
            ["{town}赛什腾山天文观测基地已落地{n}个望远镜项目", "我州大气透明度高、晴夜数多，年均可观测夜晚超过{n}天", "天文观测基地是国家重大科技基础设施布局的重要区域", "{year}年以来到{town}观星的游客逐年增加"],
            ["周边矿区和道路照明造成的光污染日益明显", "暗夜保护缺乏法规依据，执法无据可依", "基地道路、供电和通信配套设施建设滞后", "科研人员生活保障不足，人才留不住", "观星旅游无序发展，车辆灯光干扰观测"],
            ["划定暗夜保护区并明确管控范围", "规范户外照明，限制新建项目灯光强度", "加快配套道路和电网建设", "制定天文观测环境保护地方性法规", "建设天文科普馆，发展观星研学旅游", "建立光污染监测和定期评估制度"]),
        new( // mine restoration
            ["持续推进木里矿区生态修复", "加强{city}历史遗留矿山治理", "建立矿区生态修复长效管护机制", "做好{town}渣山治理后续工作"],
            ["木里矿区以往无序开采造成高寒草甸和湿地严重破坏", "{city}现有历史遗留矿山{n}处，涉及面积约{n}公顷", "经过{year}年以来的集中整治，矿区种草复绿取得阶段性成效", "矿区海拔高、气候寒冷，植被恢复周期长"],
            ["部分复绿区域出现退化，治理成果不稳固", "管护资金来源单一，后续投入不足", "修复成效缺乏第三方评估", "企业主体责任落实不到位", "渣山边坡存在水土流失隐患"],
            ["加大种草复绿和渣山治理资金投入", "落实管护责任并纳入年度考核", "定期开展修复成效第三方评估", "建立生态修复基金，拓宽资金来源", "加强高寒草种繁育和技术攻关", "严厉打击非法开采行为"]),
        new( // buses and roads
            ["优化{city}公交线路", "加快G109国道{city}段改扩建", "改善{town}农村客运服务", "完善{city}城乡道路交通设施"],
            ["{city}市区与开发区之间公交班次少、间隔长", "{town}距县城约{km}公里，群众出行主要依靠私家车", "G109国道{city}段车流量大，重载货车占比高达{pct}%", "全县现有农村客运线路{n}条"],
            ["职工上下班和学生上学出行不便", "部分路段路面破损严重，存在安全隐患", "农村客运车辆老旧，班次不固定", "末班车时间过早，夜间出行困难", "冬季道路结冰，防滑除雪能力不足"],
            ["增开开发区至市区的公交线路", "延长末班车运营时间", "在学校和医院附近增设公交站点", "加快国道改扩建项目前期工作", "推广公交移动支付和实时查询", "加大农村客运财政补贴力度"]),
        new( // pastoral schools
            ["改善牧区寄宿制学校办学条件", "加强{city}乡村教师队伍建设", "保障{town}牧民子女就近入学", "推进{city}学前教育普及"],
            ["{city}牧区寄宿制学校共{n}所，在校寄宿生{n}人", "{town}中心学校学生大多来自偏远牧业村", "近年来义务教育均衡发展取得明显成效", "{village}村适龄儿童需到{km}公里外上学"],
            ["冬季供暖不足，宿舍拥挤", "生活老师和校医配备不够", "年轻教师流失严重，结构性缺编突出", "学校食堂设施陈旧，营养餐标准偏低", "双语教学师资不足"],
            ["加大牧区学校基础设施投入", "改善供暖和住宿条件", "按标准配齐生活老师和校医", "提高乡村教师生活补助标准", "实施定向培养乡村教师计划", "提高寄宿生生活补助标准"]),
        new( // salt lake industry
            ["支持察尔汗盐湖资源综合利用", "建设世界级盐湖产业基地", "推动{city}锂电产业链延伸", "加强盐湖资源开发中的生态保护"],
            ["察尔汗盐湖钾肥产业规模大", "我州盐湖资源储量丰富，钾、锂、镁等资源储量居全国前列", "{year}年盐湖产业产值约{n}亿元", "{city}已集聚盐湖化工企业{n}家"],
            ["锂、镁等伴生资源利用率不高", "产业链条短，精深加工产品少", "关键技术依赖外部，自主创新能力弱", "尾矿和老卤处置存在环境风险", "专业技术人才短缺"],
            ["支持企业开展提锂和镁基新材料技术攻关", "延伸产业链，发展精细化工", "设立盐湖产业发展专项资金", "加强盐湖生态环境保护和监测", "引进培养盐湖化工专业人才", "完善园区水电路等基础设施"]),
        new( // rural health
            ["提高乡镇卫生院医生待遇", "加强{city}基层医疗卫生服务能力", "改善{town}卫生院就医条件", "推进县域医共体建设"],
            ["{city}共有乡镇卫生院{n}所、村卫生室{n}个", "{town}卫生院服务人口约{n}人", "牧区群众看病主要依靠乡镇卫生院", "{year}年县域内就诊率约为{pct}%"],
            ["基层卫生院医生工资低、编制少、晋升难", "年轻医生留不住，人才断层严重", "医疗设备老旧，检查项目少", "村医年龄偏大，后继乏人", "群众小病也要到州府看，负担较重"],
            ["落实基层医务人员津贴补贴", "放宽职称评审条件", "推行县管乡用，稳定乡村医疗队伍", "配置数字化影像和检验设备", "开展远程会诊和巡回医疗", "定向培养本土医学生"]),
        new( // ecology and water
            ["加强{city}湿地保护", "推进{town}草原生态保护补助奖励政策落实", "加强柴达木盆地水资源保护", "做好{city}防沙治沙工作"],
            ["{city}湿地面积约{n}公顷，是候鸟重要栖息地", "草原生态保护补助奖励政策实施以来草原植被明显恢复", "柴达木盆地水资源总量有限，时空分布不均", "{town}周边沙化土地面积约{n}万亩"],
            ["部分湿地存在非法放牧和取水现象", "超载过牧问题仍然存在", "地下水超采，局部水位下降", "防沙治沙投入不足，成果巩固难", "生态管护员报酬偏低"],
            ["划定湿地保护红线并设立界桩", "严格落实草畜平衡制度", "实行最严格的水资源管理制度", "加大防沙治沙工程投入", "提高生态管护员报酬", "建立生态补偿机制"]),
        new( // tourism and culture
            ["推动{city}全域旅游发展", "加强{town}民族文化保护传承", "完善茶卡盐湖景区服务设施", "打造大美青海精品旅游线路"],
            ["{city}旅游资源丰富，{year}年接待游客约{n}万人次", "{town}保存有大量民族传统村落和非物质文化遗产", "旅游旺季景区游客集中，接待压力大", "自驾游客占比超过{pct}%"],
            ["旅游季节性强，淡季设施闲置", "景区厕所、停车场等配套设施不足", "非遗传承人老龄化，传承后继乏人", "旅游市场秩序有待规范", "宣传推介力度不够"],
            ["完善景区厕所和停车场等配套设施", "开发冬春季旅游产品", "加大非遗传承人扶持力度", "加强旅游市场监管", "建设智慧旅游服务平台", "培育民宿和乡村旅游"]),
        new( // heating and water supply
            ["解决{town}冬季供暖问题", "推进{city}农村饮水安全巩固提升", "加快{city}老旧小区改造", "改善{village}村人居环境"],
            ["{city}供暖期长达{n}天", "{town}集中供暖管网建于{year}年", "全县农村饮水安全工程覆盖{n}个村", "{city}现有老旧小区{n}个，涉及居民{n}户"],
            ["管网老化，室温不达标", "部分村饮水水质不稳定，冬季管道冻裂", "老旧小区无物业管理，环境脏乱", "农村垃圾和污水处理设施不足", "供暖收费标准不统一"],
            ["加快供热管网改造", "实施农村供水管网防冻改造", "将老旧小区改造纳入年度计划", "建立农村垃圾收运处置体系", "推广清洁能源供暖", "完善供水工程长效运行管护机制"]),
        new( // agriculture and herding
            ["支持{city}枸杞产业发展", "加强{town}牦牛藏羊品牌建设", "完善农牧业社会化服务体系", "推进{city}高标准农田建设"],
            ["{city}枸杞种植面积约{n}万亩", "{town}牦牛和藏羊存栏约{n}万头只", "柴达木枸杞已获得国家地理标志保护", "{year}年全县建成高标准农田{n}万亩"],
            ["枸杞价格波动大，农户收益不稳定", "品牌多而杂，市场竞争力不强", "冷链物流设施不足", "农牧业保险覆盖面窄", "农田水利设施老化"],
            ["打造区域公用品牌", "建设产地冷链物流设施", "扩大农牧业保险覆盖面", "支持合作社和龙头企业发展精深加工", "加大高标准农田建设投入", "建立价格保险和收储机制"]),
    ];

    private static readonly string[] Groups = ["群众", "牧民", "村民", "职工", "学生家长", "个体工商户", "企业负责人", "老党员", "村干部", "返乡创业青年", "退役军人", "残疾人家庭", "游客", "货车司机", "社区居民", "基层干部"];
    private static readonly string[] Things =
    [
        "饮水管道", "入户道路", "村级卫生室", "便民服务站", "文化广场", "农家书屋", "畜棚", "草料库", "光伏板", "路灯", "排水沟", "护坡",
        "桥梁", "涵洞", "防洪堤", "灌溉渠", "机井", "变压器", "通信基站", "快递网点", "冷库", "集贸市场", "幼儿园", "敬老院", "公厕", "垃圾转运站",
        "污水管网", "停车场", "充电桩", "加油站", "客运站", "牧道", "网围栏", "饲草基地", "育苗大棚", "枸杞烘干房", "藏毯车间", "民宿", "观景台",
        "健身器材", "篮球场", "村委会办公楼", "应急避难场所", "消防栓", "监控探头", "广播喇叭", "取暖锅炉", "太阳能热水器", "储水窖", "防疫站",
    ];
    private static readonly string[] States =
    [
        "年久失修", "损坏严重", "长期闲置", "无人管护", "数量不足", "位置偏远", "标准偏低", "冬季冻裂", "夏季积水", "存在安全隐患", "收费偏高",
        "审批周期长", "资金没有到位", "建成后未验收", "产权不清", "运行费用无着落", "覆盖不到", "信号时断时续", "供电不稳定", "距离太远",
    ];
    private static readonly string[] Asks =
    [
        "尽快维修更换", "纳入明年项目计划", "安排专项资金", "明确管护主体", "简化审批程序", "开展专项排查", "落实属地责任", "加快建设进度",
        "就近设点服务", "实行错峰运行", "引入社会资本参与", "给予适当补贴", "组织专家现场论证", "建立台账逐项销号", "公开办理进度",
    ];

    private const string Surnames = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string GivenChars = "文华明国建平军红玉英秀兰芳志伟强勇杰涛斌超波辉刚健俊峰磊鹏宇浩然晨阳光东海燕霞丽敏静婷雪梅琳娜洁云飞龙凤春秋德才仁义礼智信忠孝善良成功福寿喜乐安康宁泰和顺永长兴旺发达卓玛措吉扎西多杰才让旦增桑格次仁尼玛索南更登拉姆央金巴特尔其其格乌兰";
    private static readonly string[] Industries = ["盐化", "新能源", "矿业", "牧业", "商贸", "建筑", "物流", "生物", "光伏", "文旅", "农业开发", "水电"];

    /// <summary>A person, firm or project named from hundreds of characters: specific names are where real texts get their rare bigrams.</summary>
    private static string Entity(Random r, string village)
    {
        string Given() => GivenChars[r.Next(GivenChars.Length)].ToString() + (r.Next(3) == 0 ? "" : GivenChars[r.Next(GivenChars.Length)].ToString());
        return r.Next(3) switch
        {
            0 => $"{village}村牧民{Surnames[r.Next(Surnames.Length)]}{Given()}家",
            1 => $"青海{Given()}{Given()}{Pick(r, Industries)}有限公司",
            _ => $"{Given()}{Given()}{Pick(r, Things)}项目",
        };
    }

    /// <summary>A concrete local detail freely combined from words: the long tail of rare bigrams that real texts have.</summary>
    private static string Detail(Random r, string village, Func<string, string> fill, bool names)
    {
        string Named() => names ? Entity(r, village) : "当地";
        return r.Next(3) switch
        {
            0 => fill($"据{{village}}村{{n}}户{Pick(r, Groups)}反映，{Named()}的{Pick(r, Things)}{Pick(r, States)}，{Pick(r, Things)}{Pick(r, States)}"),
            1 => fill($"经实地走访{{town}}{Pick(r, Groups)}，{Named()}{{year}}年建成的{Pick(r, Things)}已{Pick(r, States)}，希望{Pick(r, Asks)}"),
            _ => fill($"{{city}}{Pick(r, Things)}和{Pick(r, Things)}{Pick(r, States)}的问题涉及{{n}}个村，{Named()}等{Pick(r, Groups)}多次要求{Pick(r, Asks)}"),
        };
    }

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六"];

    /// <summary>Text number <paramref name="id"/>.</summary>
    public string Text(long id) => Compose(new Random(Mix(seed, id)), names);

    /// <summary>A fixed mix (splitmix64) of seed and id: HashCode is randomised per process, and texts must be the same in every run.</summary>
    private static int Mix(int seed, long id)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)id);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }

    private static string Compose(Random r, bool names)
    {
        var subject = Subjects[r.Next(Subjects.Length)];
        // One place for the whole text: suggestions are about one place.
        var city = Cities[r.Next(Cities.Length)];
        var town = Towns[r.Next(Towns.Length)];
        var village = VillageHeads[r.Next(VillageHeads.Length)] + VillageTails[r.Next(VillageTails.Length)];
        string Fill(string s)
        {
            var sb = new StringBuilder(s.Length + 16);
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] != '{') { sb.Append(s[i]); continue; }
                var end = s.IndexOf('}', i);
                sb.Append(s[(i + 1)..end] switch
                {
                    "city" => city,
                    "town" => town,
                    "village" => village,
                    "n" => r.Next(2, 900).ToString(),
                    "km" => r.Next(3, 200).ToString(),
                    "pct" => r.Next(5, 96).ToString(),
                    "year" => r.Next(2015, 2026).ToString(),
                    var other => throw new InvalidOperationException(other),
                });
                i = end;
            }
            return sb.ToString();
        }

        var sb = new StringBuilder(400);
        sb.Append("关于").Append(Fill(Pick(r, subject.Titles))).Append("的建议：");
        foreach (var b in Take(r, subject.Background, r.Next(1, 3))) sb.Append(Fill(b)).Append('，');
        sb.Length--;
        sb.Append('。');
        for (var k = r.Next(1, 4); k > 0; k--) sb.Append(Detail(r, village, Fill, names)).Append('。');
        sb.Append("但是");
        foreach (var p in Take(r, subject.Problems, r.Next(2, 4))) sb.Append(Fill(p)).Append('；');
        sb.Length--;
        // A problem of another subject now and then: real suggestions wander.
        if (r.Next(3) == 0) sb.Append('，').Append(Fill(Pick(r, Subjects[r.Next(Subjects.Length)].Problems)));
        sb.Append("。为此建议：");
        var measures = Take(r, subject.Measures, r.Next(3, 6)).ToList();
        for (var i = 0; i < measures.Count; i++)
            sb.Append(Numerals[i]).Append('是').Append(Fill(measures[i])).Append(i == measures.Count - 1 ? '。' : '；');
        if (r.Next(2) == 0) sb.Append("恳请").Append(city).Append("人民政府及有关部门予以研究落实。");
        return sb.ToString();
    }

    /// <summary>
    /// A light rewrite, as when a suggestion is submitted again: a clause dropped or added, some
    /// characters changed, punctuation swapped.
    /// </summary>
    public static string Rewrite(string text, Random r)
    {
        var clauses = text.Split('；').ToList();
        if (clauses.Count > 2 && r.Next(2) == 0) clauses.RemoveAt(r.Next(1, clauses.Count - 1));
        var sb = new StringBuilder(string.Join(r.Next(2) == 0 ? "；" : "，", clauses));
        const string common = "的是在和了有对为等及与加强推进完善建立落实";
        for (var k = 0; k < 4; k++)
        {
            var at = r.Next(sb.Length);
            if (sb[at] >= 0x4E00) sb[at] = common[r.Next(common.Length)];
        }
        if (r.Next(2) == 0) sb.Append("此建议曾多次提出，希望引起重视。");
        return sb.ToString();
    }

    private static string Pick(Random r, string[] items) => items[r.Next(items.Length)];

    private static IEnumerable<string> Take(Random r, string[] items, int count) => items.OrderBy(_ => r.Next()).Take(count);
}
